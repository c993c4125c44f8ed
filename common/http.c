/* http: libcurl easy-handle wrapper with verified TLS and retry rules. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "common/http.h"
#include "common/outbuf.h"
#include "common/xalloc.h"

struct http {
	CURL		*curl;
	char		*ca_bundle;
	struct http_resp r;
	int		 overflow;
};

int
http_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void
http_global_cleanup(void)
{
	curl_global_cleanup();
}

struct http *
http_new(const char *ca_bundle)
{
	struct http *h = xcalloc(1, sizeof(*h));

	h->curl = curl_easy_init();
	if (h->curl == NULL)
		diag_fatal(STATUS_FAIL, "cannot initialise libcurl");
	h->ca_bundle = ca_bundle ? xstrdup(ca_bundle) : NULL;
	h->r.body = ob_mem();
	h->r.retry_after = -1;
	return h;
}

static void
clear_headers(struct http_resp *r)
{
	XFREE(r->location);
	XFREE(r->range);
	XFREE(r->flavor);
	r->retry_after = -1;
}

void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	curl_easy_cleanup(h->curl);
	clear_headers(&h->r);
	ob_close(h->r.body);
	free(h->ca_bundle);
	free(h);
}

const struct http_resp *
http_last(const struct http *h)
{
	return &h->r;
}

static size_t
on_body(char *p, size_t size, size_t nmemb, void *arg)
{
	struct http *h = arg;
	size_t n = size * nmemb;

	if (ob_len(h->r.body) + n > HTTP_MAXBODY) {
		h->overflow = 1;
		return 0;	/* aborts the transfer */
	}
	ob_write(h->r.body, p, n);
	return n;
}

/* Keep one header value: trimmed, owned. */
static void
keep(char **dst, const char *v, size_t n)
{
	while (n > 0 && (v[n - 1] == '\r' || v[n - 1] == '\n' ||
	    v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	while (n > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	free(*dst);
	*dst = xmemdup(v, n);
}

static size_t
on_header(char *p, size_t size, size_t nmemb, void *arg)
{
	struct http *h = arg;
	size_t n = size * nmemb;
	const char *colon;
	size_t k;

	/* A new status line (e.g. after "100 Continue") starts afresh. */
	if (n >= 5 && memcmp(p, "HTTP/", 5) == 0) {
		clear_headers(&h->r);
		return n;
	}
	colon = memchr(p, ':', n);
	if (colon == NULL)
		return n;
	k = colon - p;
	colon++;
	if (k == 8 && strncasecmp(p, "location", 8) == 0)
		keep(&h->r.location, colon, n - (colon - p));
	else if (k == 5 && strncasecmp(p, "range", 5) == 0)
		keep(&h->r.range, colon, n - (colon - p));
	else if (k == 15 && strncasecmp(p, "metadata-flavor", 15) == 0)
		keep(&h->r.flavor, colon, n - (colon - p));
	else if (k == 11 && strncasecmp(p, "retry-after", 11) == 0) {
		char *v = NULL, *end;
		long s;

		keep(&v, colon, n - (colon - p));
		s = strtol(v, &end, 10);
		/* An HTTP-date is rare from Google; treat it as "soon". */
		h->r.retry_after = (end != v && *end == '\0' && s >= 0) ?
		    s : 1;
		free(v);
	}
	return n;
}

/* Transport errors that a retry cannot fix. */
static int
fatal_code(CURLcode c)
{
	switch (c) {
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
	case CURLE_WRITE_ERROR:
	case CURLE_OUT_OF_MEMORY:
		return 1;
	default:
		return 0;
	}
}

long
http_request(struct http *h, const char *method, const char *url,
    const char *const *headers, const void *body, size_t n, long timeout_ms,
    struct http_resp *r)
{
	struct curl_slist *list = NULL, *tmp;
	struct http_resp *hr = &h->r;
	char errbuf[CURL_ERROR_SIZE];
	CURLcode c;
	CURL *cu = h->curl;

	clear_headers(hr);
	ob_truncate(hr->body, 0);
	hr->status = 0;
	hr->curl_code = 0;
	hr->fatal_transport = 0;
	hr->errmsg[0] = '\0';
	h->overflow = 0;
	errbuf[0] = '\0';

	/* Reset keeps live connections, the DNS cache and TLS sessions. */
	curl_easy_reset(cu);
	curl_easy_setopt(cu, CURLOPT_URL, url);
	curl_easy_setopt(cu, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(cu, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(cu, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(cu, CURLOPT_SSL_VERIFYHOST, 2L);
	if (h->ca_bundle != NULL)
		curl_easy_setopt(cu, CURLOPT_CAINFO, h->ca_bundle);
	curl_easy_setopt(cu, CURLOPT_CONNECTTIMEOUT_MS, 30000L);
	/* A stalled peer (under 1 byte/s for a minute) is a timeout. */
	curl_easy_setopt(cu, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(cu, CURLOPT_LOW_SPEED_TIME, 60L);
	if (timeout_ms > 0)
		curl_easy_setopt(cu, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(cu, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(cu, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(cu, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(cu, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(cu, CURLOPT_HEADERDATA, h);
	curl_easy_setopt(cu, CURLOPT_USERAGENT, "bq-load/" VERSION);
	curl_easy_setopt(cu, CURLOPT_ACCEPT_ENCODING, "");

	if (strcmp(method, "GET") == 0) {
		curl_easy_setopt(cu, CURLOPT_HTTPGET, 1L);
	} else {
		if (strcmp(method, "POST") != 0)
			curl_easy_setopt(cu, CURLOPT_CUSTOMREQUEST, method);
		curl_easy_setopt(cu, CURLOPT_POSTFIELDS, body ? body : "");
		curl_easy_setopt(cu, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)(body ? n : 0));
	}
	/* No "Expect: 100-continue" round trip before a chunk. */
	list = curl_slist_append(list, "Expect:");
	for (; headers != NULL && *headers != NULL; headers++) {
		if ((tmp = curl_slist_append(list, *headers)) == NULL)
			diag_fatal(STATUS_FAIL, "out of memory");
		list = tmp;
	}
	curl_easy_setopt(cu, CURLOPT_HTTPHEADER, list);

	c = curl_easy_perform(cu);
	/* The header list may hold a token: wipe it before freeing. */
	for (tmp = list; tmp != NULL; tmp = tmp->next)
		memset(tmp->data, 0, strlen(tmp->data));
	curl_slist_free_all(list);
	curl_easy_setopt(cu, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(cu, CURLOPT_ERRORBUFFER, NULL);
	if (c != CURLE_OK) {
		hr->curl_code = c;
		hr->fatal_transport = fatal_code(c);
		if (h->overflow)
			snprintf(hr->errmsg, sizeof(hr->errmsg),
			    "response body over %d bytes", HTTP_MAXBODY);
		else
			snprintf(hr->errmsg, sizeof(hr->errmsg), "%s",
			    errbuf[0] ? errbuf : curl_easy_strerror(c));
	} else {
		curl_easy_getinfo(cu, CURLINFO_RESPONSE_CODE, &hr->status);
	}
	if (r != NULL)
		*r = *hr;
	return hr->status;
}

enum http_class
http_classify(long status, int fatal_transport, const char *reason)
{
	if (reason == NULL)
		reason = "";
	if (status == 0)
		return fatal_transport ? HTTP_FATAL : HTTP_RETRY;
	if (status < 400)
		return HTTP_OK;
	if (status == 401)
		return HTTP_AUTH;
	if (status == 403)
		return strcmp(reason, "rateLimitExceeded") == 0 ||
		    strcmp(reason, "userRateLimitExceeded") == 0 ?
		    HTTP_RETRY : HTTP_FATAL;
	if (status == 408 || status == 429)
		return HTTP_RETRY;
	if (status >= 500 && status != 501)
		return HTTP_RETRY;
	if (strcmp(reason, "backendError") == 0 ||
	    strcmp(reason, "rateLimitExceeded") == 0)
		return HTTP_RETRY;
	return HTTP_FATAL;
}

long
http_backoff_ms(int attempt, long base_ms, long cap_ms, long retry_after)
{
	long d = base_ms;
	int i;

	if (retry_after >= 0) {
		d = retry_after > 3600 ? 3600 * 1000L : retry_after * 1000;
		return d;
	}
	for (i = 0; i < attempt && d < cap_ms; i++)
		d *= 2;
	if (d > cap_ms)
		d = cap_ms;
	/* Jitter the lower half so that parallel clients spread out. */
	return d / 2 + (d / 2 > 0 ? random() % (d / 2 + 1) : 0);
}

void
http_escape(struct outbuf *ob, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.' ||
		    *p == '~') {
			ob_putc(ob, (char)*p);
		} else {
			ob_putc(ob, '%');
			ob_putc(ob, hex[*p >> 4]);
			ob_putc(ob, hex[*p & 15]);
		}
	}
}
