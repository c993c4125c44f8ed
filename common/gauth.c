/* gauth: OAuth2 access tokens from Application Default Credentials. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "common/diag.h"
#include "common/gauth.h"
#include "common/http.h"
#include "common/jsonx.h"
#include "common/outbuf.h"
#include "common/xalloc.h"

#define MAXCRED		(1024 * 1024)	/* a credential file is small */
#define SKEW		60		/* refresh this early (seconds) */

enum source {
	SRC_NONE, SRC_SERVICE_ACCOUNT, SRC_AUTHORIZED_USER, SRC_TOKEN_FILE,
	SRC_TOKEN_ENV, SRC_METADATA
};

struct gauth {
	struct http	*http;
	struct gauth_opts opts;
	enum source	 src;
	char		*path;		/* the file it came from */
	char		*describe;
	/* service account */
	EVP_PKEY	*key;
	char		*email, *kid, *project;
	/* authorized user */
	char		*client_id, *client_secret, *refresh_token, *quota;
	char		*token_uri;	/* both file kinds */
	char		*metadata_url;
	char		*env_name;
	/* the cached token */
	char		*token;
	long long	 refresh_at;	/* time() after which to refresh */
	int		 rejected;	/* a static token got a 401 */
};

static void
secret_free(char *s)
{
	if (s != NULL) {
		OPENSSL_cleanse(s, strlen(s));
		free(s);
	}
}

/* Wipe and close an in-memory buffer that held a secret. */
static void
ob_secret_close(struct outbuf *ob)
{
	size_t n;
	char *p = (char *)ob_data(ob, &n);

	OPENSSL_cleanse(p, n);
	ob_close(ob);
}

static void
openssl_warn(const char *file, const char *what)
{
	unsigned long e = ERR_get_error();
	char buf[256];

	ERR_error_string_n(e, buf, sizeof(buf));
	diag_warn(file, 0, "%s: %s", what, e ? buf : "unknown OpenSSL error");
	ERR_clear_error();
}

char *
gauth_b64url(const void *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	const unsigned char *s = p;
	char *out = xmalloc(n / 3 * 4 + 5), *o = out;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		*o++ = tab[s[i] >> 2];
		*o++ = tab[(s[i] & 3) << 4 | s[i + 1] >> 4];
		*o++ = tab[(s[i + 1] & 15) << 2 | s[i + 2] >> 6];
		*o++ = tab[s[i + 2] & 63];
	}
	if (n - i == 1) {
		*o++ = tab[s[i] >> 2];
		*o++ = tab[(s[i] & 3) << 4];
	} else if (n - i == 2) {
		*o++ = tab[s[i] >> 2];
		*o++ = tab[(s[i] & 3) << 4 | s[i + 1] >> 4];
		*o++ = tab[(s[i + 1] & 15) << 2];
	}
	*o = '\0';
	return out;
}

char *
gauth_jwt(EVP_PKEY *key, const char *kid, const char *iss, const char *scope,
    const char *aud, long long iat)
{
	struct outbuf *ob = ob_mem(), *msg = ob_mem();
	struct jx_writer w;
	EVP_MD_CTX *md = NULL;
	unsigned char *sig = NULL;
	char *part, *out = NULL;
	const char *data;
	size_t n, siglen;

	jw_begin(&w, ob);
	jw_key(&w, "alg", 3);
	jw_str(&w, "RS256", 5);
	jw_key(&w, "typ", 3);
	jw_str(&w, "JWT", 3);
	if (kid != NULL && *kid) {
		jw_key(&w, "kid", 3);
		jw_str(&w, kid, strlen(kid));
	}
	jw_end(&w);
	data = ob_data(ob, &n);
	part = gauth_b64url(data, n);
	ob_puts(msg, part);
	ob_putc(msg, '.');
	free(part);

	ob_truncate(ob, 0);
	jw_begin(&w, ob);
	jw_key(&w, "iss", 3);
	jw_str(&w, iss, strlen(iss));
	jw_key(&w, "scope", 5);
	jw_str(&w, scope, strlen(scope));
	jw_key(&w, "aud", 3);
	jw_str(&w, aud, strlen(aud));
	jw_key(&w, "iat", 3);
	jw_int(&w, iat);
	jw_key(&w, "exp", 3);
	jw_int(&w, iat + 3600);
	jw_end(&w);
	data = ob_data(ob, &n);
	part = gauth_b64url(data, n);
	ob_puts(msg, part);
	free(part);

	data = ob_data(msg, &n);
	if ((md = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) != 1 ||
	    EVP_DigestSign(md, NULL, &siglen, (const unsigned char *)data,
	    n) != 1) {
		openssl_warn(NULL, "cannot sign the token request");
		goto out;
	}
	sig = xmalloc(siglen);
	if (EVP_DigestSign(md, sig, &siglen, (const unsigned char *)data,
	    n) != 1) {
		openssl_warn(NULL, "cannot sign the token request");
		goto out;
	}
	part = gauth_b64url(sig, siglen);
	ob_putc(msg, '.');
	ob_puts(msg, part);
	free(part);
	data = ob_data(msg, &n);
	out = xmemdup(data, n);
out:
	free(sig);
	EVP_MD_CTX_free(md);
	ob_close(ob);
	ob_secret_close(msg);
	return out;
}

/*
 * Read a small file whole (owned, NUL-terminated; the caller wipes it),
 * warning when others may read it.  NULL after a warning.
 */
static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	char *buf = NULL;
	size_t n = 0;
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		diag_syswarn(path, "cannot open");
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > MAXCRED) {
		diag_warn(path, 0, "not a regular file of at most %d bytes",
		    MAXCRED);
		close(fd);
		return NULL;
	}
	if (st.st_mode & (S_IRGRP | S_IROTH))
		diag_warn(path, 0, "warning: credential file is readable by "
		    "group or others (chmod 600 it)");
	buf = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size &&
	    (r = read(fd, buf + n, (size_t)st.st_size - n)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			diag_syswarn(path, "read error");
			OPENSSL_cleanse(buf, n);
			free(buf);
			close(fd);
			return NULL;
		}
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* A string member of d, decoded and owned, or NULL when absent. */
static char *
member(const struct jx_doc *d, const char *name, struct outbuf *scratch)
{
	const struct jx_member *m = jx_get(d, name, strlen(name));
	const char *s;
	size_t n;

	if (m == NULL || m->val.type != JX_STRING)
		return NULL;
	s = jx_str(&m->val, scratch, &n);
	return xmemdup(s, n);
}

/* Parse a credential file; 0, or -1 after a warning. */
static int
load_file(struct gauth *g, const char *path)
{
	struct outbuf *scratch = ob_mem();
	struct jx_doc d;
	struct jx_err e;
	char *buf, *type = NULL, *pem = NULL;
	size_t n;
	int rc = -1;
	BIO *bio;

	jx_init(&d);
	if ((buf = slurp(path, &n)) == NULL) {
		ob_close(scratch);
		return -1;
	}
	g->path = xstrdup(path);
	if (jx_parse(&d, buf, n, &e) != 0 || d.root.type != JX_OBJECT) {
		diag_warn(path, 0, "not a JSON credential file");
		goto out;
	}
	type = member(&d, "type", scratch);
	if (type != NULL && strcmp(type, "service_account") == 0) {
		g->src = SRC_SERVICE_ACCOUNT;
		g->email = member(&d, "client_email", scratch);
		g->kid = member(&d, "private_key_id", scratch);
		g->project = member(&d, "project_id", scratch);
		g->token_uri = member(&d, "token_uri", scratch);
		pem = member(&d, "private_key", scratch);
		if (g->email == NULL || pem == NULL) {
			diag_warn(path, 0, "service account key lacks "
			    "client_email or private_key");
			goto out;
		}
		bio = BIO_new_mem_buf(pem, -1);
		g->key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) :
		    NULL;
		BIO_free(bio);
		if (g->key == NULL) {
			ERR_clear_error();	/* its text may quote the key */
			diag_warn(path, 0, "cannot read the private key");
			goto out;
		}
		if (EVP_PKEY_get_base_id(g->key) != EVP_PKEY_RSA) {
			diag_warn(path, 0, "the private key is not an RSA key");
			goto out;
		}
		g->describe = xmalloc(strlen(g->email) + strlen(path) + 40);
		sprintf(g->describe, "service account %s (key %s)", g->email,
		    path);
	} else if (type != NULL && strcmp(type, "authorized_user") == 0) {
		g->src = SRC_AUTHORIZED_USER;
		g->client_id = member(&d, "client_id", scratch);
		g->client_secret = member(&d, "client_secret", scratch);
		g->refresh_token = member(&d, "refresh_token", scratch);
		g->token_uri = member(&d, "token_uri", scratch);
		g->quota = member(&d, "quota_project_id", scratch);
		if (g->client_id == NULL || g->client_secret == NULL ||
		    g->refresh_token == NULL) {
			diag_warn(path, 0, "authorized_user file lacks "
			    "client_id, client_secret or refresh_token");
			goto out;
		}
		g->describe = xmalloc(strlen(path) + 40);
		sprintf(g->describe, "authorized user (file %s)", path);
	} else {
		diag_warn(path, 0, "unsupported credential type \"%s\" (want "
		    "service_account or authorized_user)", type ? type : "");
		goto out;
	}
	if (g->token_uri == NULL)
		g->token_uri = xstrdup(GAUTH_TOKEN_URI);
	rc = 0;
out:
	secret_free(pem);
	free(type);
	jx_free(&d);
	OPENSSL_cleanse(buf, n);
	free(buf);
	ob_secret_close(scratch);
	return rc;
}

/* A static token from a file (first line, trimmed); -1 after a warning. */
static int
read_token_file(struct gauth *g)
{
	char *buf, *p, *e;
	size_t n;

	if ((buf = slurp(g->path, &n)) == NULL)
		return -1;
	for (p = buf; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';)
		p++;
	for (e = p; *e && *e != '\n' && *e != '\r' && *e != ' ' &&
	    *e != '\t';)
		e++;
	if (e == p) {
		diag_warn(g->path, 0, "no access token in the file");
		OPENSSL_cleanse(buf, n);
		free(buf);
		return -1;
	}
	secret_free(g->token);
	g->token = xmemdup(p, (size_t)(e - p));
	OPENSSL_cleanse(buf, n);
	free(buf);
	return 0;
}

static int
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

struct gauth *
gauth_new(struct http *h, const struct gauth_opts *o)
{
	struct gauth *g = xcalloc(1, sizeof(*g));
	const char *env, *host;
	char *wk = NULL;

	g->http = h;
	g->opts = *o;
	if (g->opts.max_attempts <= 0)
		g->opts.max_attempts = 5;
	if (o->anonymous) {
		g->src = SRC_NONE;
		g->describe = xstrdup("none (anonymous, emulator)");
		return g;
	}
	if (o->token_file != NULL) {
		g->src = SRC_TOKEN_FILE;
		g->path = xstrdup(o->token_file);
		g->describe = xmalloc(strlen(o->token_file) + 32);
		sprintf(g->describe, "access token file %s", o->token_file);
		if (read_token_file(g) != 0)
			goto bad;
		return g;
	}
	if (o->credentials != NULL) {
		if (load_file(g, o->credentials) != 0)
			goto bad;
		return g;
	}
	if ((env = getenv("GOOGLE_APPLICATION_CREDENTIALS")) != NULL &&
	    *env) {
		if (load_file(g, env) != 0)
			goto bad;
		return g;
	}
	if ((env = getenv("CLOUDSDK_CONFIG")) != NULL && *env) {
		wk = xmalloc(strlen(env) + 48);
		sprintf(wk, "%s/application_default_credentials.json", env);
	} else if ((env = getenv("HOME")) != NULL && *env) {
		wk = xmalloc(strlen(env) + 64);
		sprintf(wk, "%s/.config/gcloud/"
		    "application_default_credentials.json", env);
	}
	if (wk != NULL && exists(wk)) {
		if (load_file(g, wk) != 0)
			goto bad;
		free(wk);
		return g;
	}
	XFREE(wk);
	if (((env = getenv("BQ_LOAD_ACCESS_TOKEN")) != NULL && *env) ||
	    ((env = getenv("CLOUDSDK_AUTH_ACCESS_TOKEN")) != NULL && *env)) {
		g->src = SRC_TOKEN_ENV;
		g->token = xstrdup(env);
		g->env_name = xstrdup(getenv("BQ_LOAD_ACCESS_TOKEN") &&
		    *getenv("BQ_LOAD_ACCESS_TOKEN") ? "BQ_LOAD_ACCESS_TOKEN" :
		    "CLOUDSDK_AUTH_ACCESS_TOKEN");
		g->describe = xmalloc(64);
		sprintf(g->describe, "access token from %s", g->env_name);
		return g;
	}
	g->src = SRC_METADATA;
	host = getenv("GCE_METADATA_HOST");
	if (host == NULL || *host == '\0')
		host = "metadata.google.internal";
	g->metadata_url = xmalloc(strlen(host) + 96);
	sprintf(g->metadata_url, "%s%s/computeMetadata/v1/instance/"
	    "service-accounts/default/token",
	    strstr(host, "://") ? "" : "http://", host);
	g->describe = xmalloc(strlen(host) + 40);
	sprintf(g->describe, "metadata server %s", host);
	return g;
bad:
	gauth_free(g);
	return NULL;
}

void
gauth_free(struct gauth *g)
{
	if (g == NULL)
		return;
	EVP_PKEY_free(g->key);
	free(g->path);
	free(g->describe);
	free(g->email);
	free(g->kid);
	free(g->project);
	free(g->client_id);
	secret_free(g->client_secret);
	secret_free(g->refresh_token);
	free(g->quota);
	free(g->token_uri);
	free(g->metadata_url);
	free(g->env_name);
	secret_free(g->token);
	free(g);
}

const char *
gauth_describe(const struct gauth *g)
{
	return g->describe;
}

const char *
gauth_project(const struct gauth *g)
{
	return g->project;
}

const char *
gauth_quota_project(const struct gauth *g)
{
	return g->quota;
}

void
gauth_invalidate(struct gauth *g)
{
	g->refresh_at = 0;
	if (g->src == SRC_TOKEN_FILE || g->src == SRC_TOKEN_ENV)
		g->rejected = 1;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void
form_add(struct outbuf *ob, const char *k, const char *v)
{
	if (ob_len(ob) > 0)
		ob_putc(ob, '&');
	ob_puts(ob, k);
	ob_putc(ob, '=');
	http_escape(ob, v);
}

/*
 * POST form (GET when form is NULL) to url and take access_token and
 * expires_in from the JSON answer, retrying transient failures.
 */
static int
fetch(struct gauth *g, const char *url, const char *form,
    const char *const *hdrs, long long deadline)
{
	const struct http_resp *r;
	struct outbuf *scratch = ob_mem();
	struct jx_doc d;
	struct jx_err e;
	const struct jx_member *m;
	const char *body, *s;
	long long now, left;
	size_t n, len;
	long status, exp = 3600;
	int attempt, rc = -1;
	char reason[128], desc[256];

	jx_init(&d);
	for (attempt = 0;; attempt++) {
		left = deadline ? (deadline - (long long)time(NULL)) * 1000 :
		    60000;
		if (left <= 0) {
			diag_msg("%s: timed out getting an access token",
			    g->describe);
			goto out;
		}
		if (left > 60000)
			left = 60000;
		status = http_request(g->http, form ? "POST" : "GET", url,
		    hdrs, form, form ? strlen(form) : 0, (long)left, NULL);
		r = http_last(g->http);
		body = ob_data(r->body, &n);
		reason[0] = desc[0] = '\0';
		if (status >= 400 && jx_parse(&d, body, n, &e) == 0 &&
		    d.root.type == JX_OBJECT) {
			if ((m = jx_get(&d, "error", 5)) != NULL &&
			    m->val.type == JX_STRING) {
				s = jx_str(&m->val, scratch, &len);
				snprintf(reason, sizeof(reason), "%.*s",
				    (int)len, s);
			}
			if ((m = jx_get(&d, "error_description", 17)) !=
			    NULL && m->val.type == JX_STRING) {
				s = jx_str(&m->val, scratch, &len);
				snprintf(desc, sizeof(desc), ": %.*s",
				    (int)len, s);
			}
		}
		if (status == 200)
			break;
		if ((http_classify(status, r->fatal_transport, "") ==
		    HTTP_RETRY || strcmp(reason, "internal_failure") == 0 ||
		    strcmp(reason, "temporarily_unavailable") == 0) &&
		    attempt + 1 < g->opts.max_attempts) {
			sleep_ms(http_backoff_ms(attempt, g->opts.retry_base_ms,
			    g->opts.retry_cap_ms, r->retry_after));
			continue;
		}
		if (status == 0)
			diag_msg("%s: cannot get an access token from %s: %s",
			    g->describe, url, r->errmsg);
		else
			diag_msg("%s: token request to %s failed: HTTP %ld%s%s%s",
			    g->describe, url, status, reason[0] ? ": " : "",
			    reason, desc);
		goto out;
	}
	if (g->src == SRC_METADATA &&
	    (r->flavor == NULL || strcmp(r->flavor, "Google") != 0)) {
		diag_msg("%s: answer lacks Metadata-Flavor: Google",
		    g->describe);
		goto out;
	}
	if (jx_parse(&d, body, n, &e) != 0 || d.root.type != JX_OBJECT ||
	    (m = jx_get(&d, "access_token", 12)) == NULL ||
	    m->val.type != JX_STRING) {
		diag_msg("%s: token endpoint %s gave no access_token",
		    g->describe, url);
		goto out;
	}
	s = jx_str(&m->val, scratch, &len);
	secret_free(g->token);
	g->token = xmemdup(s, len);
	if ((m = jx_get(&d, "expires_in", 10)) != NULL &&
	    (m->val.type == JX_NUMBER || m->val.type == JX_STRING)) {
		s = m->val.p + (m->val.type == JX_STRING);
		exp = strtol(s, NULL, 10);
	}
	now = time(NULL);
	/* Refresh SKEW seconds early, or halfway for very short tokens. */
	g->refresh_at = now + (exp > 2 * SKEW ? exp - SKEW : exp / 2);
	rc = 0;
out:
	jx_free(&d);
	ob_secret_close(scratch);
	return rc;
}

const char *
gauth_token(struct gauth *g, long long deadline)
{
	static const char *const form_hdr[] = {
		"Content-Type: application/x-www-form-urlencoded", NULL
	};
	static const char *const md_hdr[] = { "Metadata-Flavor: Google",
		NULL };
	struct outbuf *form;
	const char *data;
	char *jwt;
	size_t n;
	int rc;

	switch (g->src) {
	case SRC_NONE:
		return "";
	case SRC_TOKEN_ENV:
		if (g->rejected) {
			diag_msg("the access token in %s was rejected "
			    "(expired?); run `gcloud auth print-access-token` "
			    "again", g->env_name);
			return NULL;
		}
		return g->token;
	case SRC_TOKEN_FILE:
		if (g->rejected) {
			/* Someone may have refreshed the file meanwhile. */
			char *old = g->token ? xstrdup(g->token) : NULL;

			g->rejected = 0;
			rc = read_token_file(g);
			if (rc == 0 && old != NULL &&
			    strcmp(old, g->token) == 0) {
				diag_msg("the access token in %s was rejected "
				    "(expired?); run `gcloud auth "
				    "print-access-token` again", g->path);
				rc = -1;
			}
			secret_free(old);
			if (rc != 0)
				return NULL;
		}
		return g->token;
	default:
		break;
	}
	if (g->token != NULL && (long long)time(NULL) < g->refresh_at)
		return g->token;
	if (g->src == SRC_METADATA) {
		rc = fetch(g, g->metadata_url, NULL, md_hdr, deadline);
		if (rc != 0 && getenv("GCE_METADATA_HOST") == NULL)
			diag_msg("no credentials found: use --credentials, "
			    "GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth "
			    "application-default login` or "
			    "--access-token-file");
		return rc == 0 ? g->token : NULL;
	}
	form = ob_mem();
	if (g->src == SRC_SERVICE_ACCOUNT) {
		jwt = gauth_jwt(g->key, g->kid, g->email, GAUTH_SCOPE,
		    g->token_uri, (long long)time(NULL));
		if (jwt == NULL) {
			ob_close(form);
			return NULL;
		}
		form_add(form, "grant_type",
		    "urn:ietf:params:oauth:grant-type:jwt-bearer");
		form_add(form, "assertion", jwt);
		secret_free(jwt);
	} else {
		form_add(form, "grant_type", "refresh_token");
		form_add(form, "client_id", g->client_id);
		form_add(form, "client_secret", g->client_secret);
		form_add(form, "refresh_token", g->refresh_token);
	}
	data = ob_data(form, &n);
	rc = fetch(g, g->token_uri, data, form_hdr, deadline);
	ob_secret_close(form);
	return rc == 0 ? g->token : NULL;
}
