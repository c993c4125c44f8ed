/*
 * http: one libcurl easy handle for a run of requests (connections are
 * kept alive between them), TLS always verified, responses captured with
 * the few headers the BigQuery client needs, and retry classification.
 */
#ifndef NDJ_HTTP_H
#define NDJ_HTTP_H

#include <stddef.h>

#define HTTP_MAXBODY	(16 * 1024 * 1024)	/* cap on a response body */

struct http;
struct outbuf;

struct http_resp {
	long		 status;	/* 0 on a transport error */
	int		 curl_code;	/* CURLcode; 0 when it worked */
	int		 fatal_transport; /* TLS, URL, DNS: no retry */
	char		 errmsg[256];	/* transport error text */
	struct outbuf	*body;		/* reset on each request */
	char		*location;	/* headers, owned by http; */
	char		*range;		/* NULL when absent */
	char		*flavor;	/* Metadata-Flavor */
	long		 retry_after;	/* seconds; -1 when absent */
};

/* Retry classification of one response. */
enum http_class {
	HTTP_OK,	/* 1xx-3xx */
	HTTP_RETRY,	/* transient: back off and try again */
	HTTP_AUTH,	/* 401: refresh the token once, then try again */
	HTTP_FATAL	/* do not retry */
};

/* ca_bundle may be NULL (system store).  Never returns NULL. */
struct http	*http_new(const char *ca_bundle);
void		 http_free(struct http *h);
/* Process-wide libcurl setup and teardown (call once each). */
int		 http_global_init(void);
void		 http_global_cleanup(void);

/*
 * Perform one request.  headers is NULL-terminated ("Name: value");
 * body may be NULL (no body; for POST/PUT that means an empty one).
 * timeout_ms bounds the whole exchange (0: none).  Fills *r, whose
 * strings stay valid until the next request.  Returns r->status, 0 on
 * a transport error (r->errmsg says what).
 */
long		 http_request(struct http *h, const char *method,
		     const char *url, const char *const *headers,
		     const void *body, size_t n, long timeout_ms,
		     struct http_resp *r);
const struct http_resp *http_last(const struct http *h);

/*
 * Classify a response: status (0 for a transport error with fatal set
 * when retrying cannot help) and the error's reason from a Google JSON
 * error body ("" when none).  403 is retryable only for
 * rateLimitExceeded/userRateLimitExceeded; 5xx for every reason.
 */
enum http_class	 http_classify(long status, int fatal_transport,
		     const char *reason);

/*
 * Backoff before retry number attempt (0-based): min(cap, base * 2^n)
 * with the lower half jittered, or Retry-After (seconds, >= 0) when the
 * server gave one.  Milliseconds.
 */
long		 http_backoff_ms(int attempt, long base_ms, long cap_ms,
		     long retry_after);

/* Percent-encode s (everything but unreserved characters) into ob. */
void		 http_escape(struct outbuf *ob, const char *s);

#endif
