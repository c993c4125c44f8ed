/* bigquery: one NDJSON load job through a resumable upload. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "common/bigquery.h"
#include "common/bqschema.h"
#include "common/diag.h"
#include "common/gauth.h"
#include "common/http.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/xalloc.h"

#define MAXREPORT	20	/* bad rows reported before going quiet */

struct bq {
	struct http	*h;
	struct gauth	*g;
	const struct bq_opts *o;
	long long	 deadline;	/* time(), for gauth; 0: none */
	double		 end;		/* the same in now_s() terms */
	char		 reason[64];
	char		 message[1024];
	/* upload state */
	char		*session;
	char		*buf;		/* unconfirmed bytes from off */
	size_t		 len, cap;
	long long	 off;		/* stream offset of buf[0] */
	long long	 rows;
	int		 done;		/* the upload produced a job */
	char		*job;		/* last Job resource seen */
	char		 job_id[160];
	char		 dup_loc[64];	/* location named by a 409 */
	/* progress */
	int		 tty;
	double		 t0, tlast;
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Milliseconds left before the deadline (a large value without one). */
static long
left_ms(const struct bq *b)
{
	double l;

	if (b->deadline == 0)
		return 24L * 3600 * 1000;
	l = (b->end - now_s()) * 1000;
	return l > 0 ? (long)l : 0;
}

/* ---- small JSON helpers over jsonx ---- */

/* The member key of object text obj, or NULL. */
static int
obj_get(const char *p, size_t n, const char *key, struct jx_val *out)
{
	struct jx_doc d;
	struct jx_err e;
	const struct jx_member *m;
	int ok = 0;

	jx_init(&d);
	if (jx_parse(&d, p, n, &e) == 0 && d.root.type == JX_OBJECT &&
	    (m = jx_get(&d, key, strlen(key))) != NULL) {
		*out = m->val;
		ok = 1;
	}
	jx_free(&d);
	return ok;
}

/* A string member into buf (truncated); "" when absent. */
static const char *
obj_str(const char *p, size_t n, const char *key, char *buf, size_t bn)
{
	struct outbuf *sc;
	struct jx_val v;
	const char *s;
	size_t len;

	buf[0] = '\0';
	if (!obj_get(p, n, key, &v) || v.type != JX_STRING)
		return buf;
	sc = ob_mem();
	s = jx_str(&v, sc, &len);
	snprintf(buf, bn, "%.*s", (int)len, s);
	ob_close(sc);
	return buf;
}

/* An int64 member (BigQuery sends them as strings; accept numbers). */
static long long
obj_int(const char *p, size_t n, const char *key)
{
	struct jx_val v;

	if (!obj_get(p, n, key, &v))
		return -1;
	if (v.type == JX_STRING)
		return strtoll(v.p + 1, NULL, 10);
	if (v.type == JX_NUMBER)
		return strtoll(v.p, NULL, 10);
	return -1;
}

void
bq_error_reason(const char *body, size_t n, char *reason, size_t rn,
    char *msg, size_t mn)
{
	struct jx_val err, errs, first;
	size_t pos = 0;

	reason[0] = msg[0] = '\0';
	if (!obj_get(body, n, "error", &err) || err.type != JX_OBJECT)
		return;
	obj_str(err.p, err.n, "message", msg, mn);
	if (obj_get(err.p, err.n, "errors", &errs) && errs.type == JX_ARRAY &&
	    jx_arr_next(&errs, &pos, &first) && first.type == JX_OBJECT)
		obj_str(first.p, first.n, "reason", reason, rn);
}

long long
bq_range_next(const char *hdr)
{
	const char *p;
	char *end;
	long long first, last;

	if (hdr == NULL)
		return 0;
	if (strncmp(hdr, "bytes=", 6) != 0)
		return -1;
	p = hdr + 6;
	first = strtoll(p, &end, 10);
	if (end == p || *end != '-' || first != 0)
		return -1;
	p = end + 1;
	last = strtoll(p, &end, 10);
	if (end == p || *end != '\0' || last < 0)
		return -1;
	return last + 1;
}

void
bq_content_range(char *buf, size_t n, long long first, long long len,
    long long total)
{
	char t[32];

	if (total < 0)
		snprintf(t, sizeof(t), "*");
	else
		snprintf(t, sizeof(t), "%lld", total);
	if (len == 0)
		snprintf(buf, n, "bytes */%s", t);
	else
		snprintf(buf, n, "bytes %lld-%lld/%s", first, first + len - 1,
		    t);
}

void
bq_job_id(char *buf, size_t n, const char *prefix)
{
	unsigned char r[16];
	size_t i, k;
	int fd;

	if (RAND_bytes(r, sizeof(r)) != 1) {
		/* The id only needs to be unique, not secret. */
		if ((fd = open("/dev/urandom", O_RDONLY)) < 0 ||
		    read(fd, r, sizeof(r)) != (ssize_t)sizeof(r))
			for (i = 0; i < sizeof(r); i++)
				r[i] = (unsigned char)random();
		if (fd >= 0)
			close(fd);
	}
	k = (size_t)snprintf(buf, n, "%s", prefix);
	for (i = 0; i < sizeof(r) && k + 2 < n; i++, k += 2)
		snprintf(buf + k, n - k, "%02x", r[i]);
}

void
bq_job_json(struct outbuf *ob, const struct bq_opts *o, const char *job_id)
{
	struct jx_writer job, ref, conf, lab, load, dest, sch;
	const char *s;
	size_t n;

	jw_begin(&job, ob);
	jw_key(&job, "jobReference", 12);
	jw_begin(&ref, ob);
	jw_key(&ref, "projectId", 9);
	jw_str(&ref, o->project, strlen(o->project));
	jw_key(&ref, "jobId", 5);
	jw_str(&ref, job_id, strlen(job_id));
	if (o->location != NULL) {
		jw_key(&ref, "location", 8);
		jw_str(&ref, o->location, strlen(o->location));
	}
	jw_end(&ref);
	jw_key(&job, "configuration", 13);
	jw_begin(&conf, ob);
	jw_key(&conf, "labels", 6);
	jw_begin(&lab, ob);
	jw_key(&lab, "tool", 4);
	jw_str(&lab, "bq-load", 7);
	jw_end(&lab);
	jw_key(&conf, "load", 4);
	jw_begin(&load, ob);
	jw_key(&load, "destinationTable", 16);
	jw_begin(&dest, ob);
	jw_key(&dest, "projectId", 9);
	jw_str(&dest, o->project, strlen(o->project));
	jw_key(&dest, "datasetId", 9);
	jw_str(&dest, o->dataset, strlen(o->dataset));
	jw_key(&dest, "tableId", 7);
	jw_str(&dest, o->table, strlen(o->table));
	jw_end(&dest);
	jw_key(&load, "sourceFormat", 12);
	jw_str(&load, "NEWLINE_DELIMITED_JSON", 22);
	jw_key(&load, "writeDisposition", 16);
	s = o->append ? "WRITE_APPEND" : "WRITE_TRUNCATE";
	jw_str(&load, s, strlen(s));
	jw_key(&load, "createDisposition", 17);
	jw_str(&load, "CREATE_IF_NEEDED", 16);
	jw_key(&load, "autodetect", 10);
	jw_raw(&load, o->autodetect ? "true" : "false",
	    o->autodetect ? 4 : 5);
	jw_key(&load, "ignoreUnknownValues", 19);
	jw_raw(&load, o->ignore_unknown ? "true" : "false",
	    o->ignore_unknown ? 4 : 5);
	jw_key(&load, "maxBadRecords", 13);	/* int32: a number */
	jw_int(&load, o->max_bad);
	if (o->schema != NULL) {
		jw_key(&load, "schema", 6);
		jw_begin(&sch, ob);
		jw_key(&sch, "fields", 6);
		s = bqs_json(o->schema, &n);
		jw_raw(&sch, s, n);
		jw_end(&sch);
	}
	jw_end(&load);
	jw_end(&conf);
	jw_end(&job);
}

/* ---- URLs ---- */

static const char *
url(struct bq *b, const char *fmt)
{
	/* fmt: literal text with %P %D %J (escaped ids), %L location */
	static char *last;	/* borrowed by the caller until the next call */
	struct outbuf *ob = ob_mem();
	const char *f, *d;
	size_t n;

	ob_puts(ob, b->o->endpoint);
	for (f = fmt; *f; f++) {
		if (*f != '%') {
			ob_putc(ob, *f);
			continue;
		}
		switch (*++f) {
		case 'P': http_escape(ob, b->o->project); break;
		case 'D': http_escape(ob, b->o->dataset); break;
		case 'J': http_escape(ob, b->job_id); break;
		case 'L': http_escape(ob, b->o->location ? b->o->location :
		    "US"); break;
		default: ob_putc(ob, *f); break;
		}
	}
	d = ob_data(ob, &n);
	free(last);
	last = xmemdup(d, n);
	ob_close(ob);
	return last;
}

/* ---- requests ---- */

/*
 * One request with the current token.  Returns the HTTP status, 0 on a
 * transport error, -1 when no token could be had (reported).  Sets
 * b->reason and b->message from an error body.
 */
static long
call_once(struct bq *b, const char *method, const char *u,
    const char *const *extra, const void *body, size_t n)
{
	const char *hdrs[8], *tok, *data, *qp;
	struct outbuf *auth = ob_mem(), *quota = NULL;
	const struct http_resp *r;
	long st, tmo;
	size_t k = 0, len;
	int i;

	b->reason[0] = b->message[0] = '\0';
	if ((tok = gauth_token(b->g, b->deadline)) == NULL) {
		ob_close(auth);
		return -1;
	}
	if (*tok) {
		ob_puts(auth, "Authorization: Bearer ");
		ob_puts(auth, tok);
		hdrs[k++] = ob_data(auth, &len);
	}
	if ((qp = gauth_quota_project(b->g)) != NULL) {
		quota = ob_mem();
		ob_printf(quota, "x-goog-user-project: %s", qp);
		hdrs[k++] = ob_data(quota, &len);
	}
	for (i = 0; extra != NULL && extra[i] != NULL && k < 7; i++)
		hdrs[k++] = extra[i];
	hdrs[k] = NULL;
	tmo = left_ms(b);
	if (b->o->request_ms > 0 && tmo > b->o->request_ms)
		tmo = b->o->request_ms;
	if (tmo <= 0)
		tmo = 1;
	st = http_request(b->h, method, u, hdrs, body, n, tmo, NULL);
	data = ob_data(auth, &len);
	OPENSSL_cleanse((char *)data, len);
	ob_close(auth);
	if (quota != NULL)
		ob_close(quota);
	r = http_last(b->h);
	if (st >= 400) {
		data = ob_data(r->body, &len);
		bq_error_reason(data, len, b->reason, sizeof(b->reason),
		    b->message, sizeof(b->message));
	} else if (st == 0) {
		snprintf(b->message, sizeof(b->message), "%s", r->errmsg);
	}
	return st;
}

/* Report a failed request: what, status, reason, message, hints. */
static void
report(struct bq *b, const char *what, long st)
{
	if (st < 0)
		return;		/* gauth said why */
	if (st == 0) {
		diag_msg("%s: %s", what, b->message);
		return;
	}
	if (b->reason[0])
		diag_msg("%s: HTTP %ld: %s: %s", what, st, b->reason,
		    b->message);
	else
		diag_msg("%s: HTTP %ld%s%s", what, st, b->message[0] ? ": " :
		    "", b->message);
	if (strcmp(b->reason, "quotaExceeded") == 0)
		diag_msg("a BigQuery quota is exhausted; not retried: wait "
		    "(Google advises 10 minutes or more) or raise the quota");
	else if (st == 401)
		diag_msg("the credentials (%s) were refused",
		    gauth_describe(b->g));
	else if (strcmp(b->reason, "accessDenied") == 0)
		diag_msg("%s lacks a role: grant BigQuery Data Editor and "
		    "BigQuery Job User", gauth_describe(b->g));
}

/* Sleep before retry attempt; 0, or -1 when the deadline forbids it. */
static int
backoff(struct bq *b, int attempt, const char *what, long st)
{
	long ms = http_backoff_ms(attempt, b->o->retry_base_ms,
	    b->o->retry_cap_ms, http_last(b->h)->retry_after);

	if (attempt + 1 >= b->o->max_attempts) {
		report(b, what, st);
		diag_msg("%s: giving up after %d attempts", what, attempt + 1);
		return -1;
	}
	if (b->deadline && ms >= left_ms(b)) {
		report(b, what, st);
		diag_msg("%s: giving up: --timeout reached", what);
		return -1;
	}
	sleep_ms(ms);
	return 0;
}

/*
 * A request with retries: transient failures back off and try again, a
 * 401 refreshes the token once.  Returns the final status (the caller
 * judges 4xx), or -1 after reporting a failure it could not get past.
 */
static long
call(struct bq *b, const char *what, const char *method, const char *u,
    const char *const *extra, const void *body, size_t n)
{
	int attempt = 0, reauth = 0;
	long st;

	for (;;) {
		st = call_once(b, method, u, extra, body, n);
		if (st < 0)
			return -1;
		switch (http_classify(st, http_last(b->h)->fatal_transport,
		    b->reason)) {
		case HTTP_OK:
			return st;
		case HTTP_AUTH:
			if (reauth++ == 0) {
				gauth_invalidate(b->g);
				continue;
			}
			report(b, what, st);
			return -1;
		case HTTP_RETRY:
			if (backoff(b, attempt++, what, st) != 0)
				return -1;
			continue;
		case HTTP_FATAL:
			if (st == 0) {
				report(b, what, st);
				return -1;
			}
			return st;
		}
	}
}

/* ---- dataset ---- */

static int
ensure_dataset(struct bq *b)
{
	static const char *const json[] = {
		"Content-Type: application/json; charset=UTF-8", NULL
	};
	struct outbuf *ob;
	struct jx_writer w, r;
	const char *body;
	size_t n;
	long st;

	st = call(b, "datasets.get", "GET", url(b, "/bigquery/v2/projects/%P"
	    "/datasets/%D"), NULL, NULL, 0);
	if (st == 200)
		return 0;
	if (st != 404) {
		if (st > 0)
			report(b, "datasets.get", st);
		return -1;
	}
	if (!b->o->create_dataset) {
		diag_msg("dataset %s:%s not found (--no-create-dataset)",
		    b->o->project, b->o->dataset);
		return -1;
	}
	ob = ob_mem();
	jw_begin(&w, ob);
	jw_key(&w, "datasetReference", 16);
	jw_begin(&r, ob);
	jw_key(&r, "projectId", 9);
	jw_str(&r, b->o->project, strlen(b->o->project));
	jw_key(&r, "datasetId", 9);
	jw_str(&r, b->o->dataset, strlen(b->o->dataset));
	jw_end(&r);
	if (b->o->location != NULL) {
		jw_key(&w, "location", 8);
		jw_str(&w, b->o->location, strlen(b->o->location));
	}
	jw_end(&w);
	body = ob_data(ob, &n);
	st = call(b, "datasets.insert", "POST", url(b, "/bigquery/v2/"
	    "projects/%P/datasets"), json, body, n);
	ob_close(ob);
	if (st == 200 || st == 409)	/* 409: another writer won the race */
		return 0;
	if (st > 0)
		report(b, "datasets.insert", st);
	return -1;
}

/* ---- the upload ---- */

/*
 * The job id is taken: remember the location the 409 names ("Already
 * Exists: Job P:LOC.J"), so that jobs.get can find a job outside US.
 */
static void
duplicate(struct bq *b)
{
	const char *m = strstr(b->message, "Job "), *c, *dot;

	b->done = 1;
	if (m == NULL || (c = strrchr(m, ':')) == NULL)
		return;
	dot = strchr(c, '.');
	if (dot != NULL && dot - c - 1 > 0 &&
	    (size_t)(dot - c - 1) < sizeof(b->dup_loc) &&
	    strcmp(dot + 1, b->job_id) == 0)
		snprintf(b->dup_loc, sizeof(b->dup_loc), "%.*s",
		    (int)(dot - c - 1), c + 1);
}

static void
keep_job(struct bq *b)
{
	const char *d;
	size_t n;

	d = ob_data(http_last(b->h)->body, &n);
	free(b->job);
	b->job = xmemdup(d, n);
}

static int
start_session(struct bq *b)
{
	static const char *const hdrs[] = {
		"Content-Type: application/json; charset=UTF-8",
		"X-Upload-Content-Type: application/octet-stream", NULL
	};
	struct outbuf *ob = ob_mem();
	const char *body, *loc;
	size_t n;
	long st;

	bq_job_json(ob, b->o, b->job_id);
	body = ob_data(ob, &n);
	st = call(b, "jobs.insert (upload start)", "POST", url(b,
	    "/upload/bigquery/v2/projects/%P/jobs?uploadType=resumable"),
	    hdrs, body, n);
	ob_close(ob);
	if (st == 409) {
		/* The job exists already: never load twice, follow it. */
		duplicate(b);
		return 0;
	}
	if (st != 200 && st != 201) {
		if (st > 0)
			report(b, "jobs.insert (upload start)", st);
		return -1;
	}
	loc = http_last(b->h)->location;
	if (loc == NULL || *loc == '\0') {
		diag_msg("jobs.insert (upload start): no Location in the "
		    "answer");
		return -1;
	}
	b->session = xstrdup(loc);
	return 0;
}

static void
progress(struct bq *b, int last)
{
	double t = now_s(), mb, dt;

	if (!b->o->progress || (!last && t - b->tlast < (b->tty ? 0.5 : 5)))
		return;
	b->tlast = t;
	dt = t - b->t0 > 0.001 ? t - b->t0 : 0.001;
	mb = b->off / 1e6;
	fprintf(stderr, "%s%s: %.1f MB, %lld rows sent, %.1f MB/s%s",
	    b->tty ? "\r" : "", diag_prog(), mb, b->rows, mb / dt,
	    b->tty && !last ? "   " : "\n");
}

/*
 * Apply a 308: the server holds bytes [0, next).  Drop what it confirmed
 * from the buffer.  Returns the number of bytes newly confirmed, or -1
 * when the server holds less than was already let go (a stream cannot
 * rewind).
 */
static long long
confirm(struct bq *b)
{
	long long next = bq_range_next(http_last(b->h)->range), k;

	if (next < 0) {
		diag_msg("upload: malformed Range header in a 308 answer");
		return -1;
	}
	if (next < b->off || next > b->off + (long long)b->len) {
		diag_msg("upload: the server holds %lld bytes, expected "
		    "between %lld and %lld: cannot resume a stream", next,
		    b->off, b->off + (long long)b->len);
		return -1;
	}
	k = next - b->off;
	memmove(b->buf, b->buf + k, b->len - (size_t)k);
	b->len -= (size_t)k;
	b->off = next;
	progress(b, 0);
	return k;
}

/*
 * Send the next piece: a full chunk, or with final everything left and
 * the total.  Handles the answer (308, 200 with the job, 409) and, after
 * an interruption, asks the server where it stands (an empty PUT whose
 * Content-Range has a star for the range) before going on.  Returns 0
 * when the state moved on, -1 after reporting.
 */
static int
put_data(struct bq *b, int final)
{
	char cr[96], hdr[128];
	const char *hdrs[3];
	long long len, total;
	int attempt = 0, reauth = 0, query = 0, stalls = 0;
	long st;

	hdrs[0] = hdr;
	hdrs[1] = "Content-Type: application/octet-stream";
	hdrs[2] = NULL;
	for (;;) {
		total = final ? b->off + (long long)b->len : -1;
		len = query ? 0 : final ? (long long)b->len :
		    (long long)b->o->chunk;
		if (query)
			bq_content_range(cr, sizeof(cr), 0, 0, total);
		else
			bq_content_range(cr, sizeof(cr), b->off, len, total);
		snprintf(hdr, sizeof(hdr), "Content-Range: %s", cr);
		st = call_once(b, "PUT", b->session, hdrs, b->buf,
		    (size_t)len);
		if (st < 0)
			return -1;
		if (st == 308) {
			long long k = confirm(b);

			if (k < 0)
				return -1;
			if (query || k > 0)
				return 0;
			/* Nothing taken: treat like a transient failure. */
			if (++stalls >= b->o->max_attempts) {
				diag_msg("upload: the server keeps refusing "
				    "data at offset %lld", b->off);
				return -1;
			}
			sleep_ms(http_backoff_ms(attempt++, b->o->retry_base_ms,
			    b->o->retry_cap_ms, -1));
			continue;
		}
		if (st == 200 || st == 201) {
			keep_job(b);
			b->off += (long long)b->len;
			b->len = 0;
			b->done = 1;
			return 0;
		}
		if (st == 409) {	/* the job id is taken: follow it */
			duplicate(b);
			return 0;
		}
		if (st == 404 || st == 410) {
			report(b, "upload", st);
			diag_msg("upload: the upload session is gone (expired "
			    "or cancelled)");
			return -1;
		}
		switch (http_classify(st, http_last(b->h)->fatal_transport,
		    b->reason)) {
		case HTTP_AUTH:
			if (reauth++ == 0) {
				gauth_invalidate(b->g);
				query = 1;
				continue;
			}
			report(b, "upload", st);
			return -1;
		case HTTP_RETRY:
			if (backoff(b, attempt++, "upload", st) != 0)
				return -1;
			query = 1;
			continue;
		default:
			report(b, "upload", st);
			return -1;
		}
	}
}

/* Add p[0, n) and, with nl, a newline to the unconfirmed bytes. */
static void
append(struct bq *b, const char *p, size_t n, int nl)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = b->len + n + 1 > 2 * b->cap ? b->len + n + 1 :
		    2 * b->cap;
		b->buf = xrealloc(b->buf, b->cap);
	}
	memcpy(b->buf + b->len, p, n);
	b->len += n;
	if (nl)
		b->buf[b->len++] = '\n';
}

/* Send full chunks while there are some; 0, or -1 after reporting. */
static int
drain(struct bq *b)
{
	while (b->len >= b->o->chunk && !b->done)
		if (put_data(b, 0) != 0)
			return -1;
	if (b->done) {
		diag_msg("upload: the server ended the upload early");
		return -1;
	}
	return 0;
}

/*
 * Without validation the input goes up as raw blocks: no line assembly,
 * so memory stays at a chunk plus a block whatever the line lengths.
 */
static int
stream_raw(struct bq *b, struct lineio *in)
{
	const char *p, *q, *e;
	ssize_t n;
	char last = '\n';

	while ((n = lr_read(in, &p)) > 0) {
		for (q = p, e = p + n; (q = memchr(q, '\n', (size_t)(e - q)))
		    != NULL; q++)
			b->rows++;
		last = p[n - 1];
		append(b, p, (size_t)n, 0);
		if (drain(b) != 0)
			return -1;
	}
	if (n < 0)
		return -1;
	if (last != '\n') {	/* end the last line, as the line reader does */
		append(b, "", 0, 1);
		b->rows++;
	}
	return 0;
}

/*
 * Read every line, check it, and upload in chunks.  A bad row beyond
 * --max-bad-records stops the upload before its final chunk, so no job
 * is ever created (the unfinished session is left to expire); the rest
 * of the input is still checked so that every bad row is reported.
 */
static int
stream(struct bq *b, struct lineio *in, int upload)
{
	struct bqs_checker *chk = NULL;
	char err[768];
	char *line;
	size_t n;
	long long bad = 0;
	int r, status = 0;

	if (b->o->validate && b->o->schema != NULL)
		chk = bqs_checker_new(b->o->schema, b->o->ignore_unknown);
	else if (upload) {
		if (stream_raw(b, in) != 0)
			return -1;
		r = 0;
		goto last;
	}
	while ((r = lr_next(in, &line, &n)) > 0) {
		if (chk != NULL && n > 0 && bqs_check(chk, line, n, err,
		    sizeof(err)) != 0) {
			if (++bad <= MAXREPORT)
				diag_warn(lr_name(in), lr_lineno(in), "%s",
				    err);
			if (bad > b->o->max_bad)
				upload = 0;
		}
		b->rows++;
		if (!upload)
			continue;
		append(b, line, n, 1);
		if (drain(b) != 0) {
			status = -1;
			goto out;
		}
	}
	if (r < 0)
		status = -1;
	if (bad > MAXREPORT)
		diag_msg("%s: %lld bad rows in all (first %d shown)",
		    lr_name(in), bad, MAXREPORT);
	if (bad > b->o->max_bad) {
		diag_msg("%s: %lld bad row%s (--max-bad-records %lld): "
		    "nothing loaded, no job created", lr_name(in), bad,
		    bad == 1 ? "" : "s", b->o->max_bad);
		status = -1;
	}
	if (status != 0 || !upload)
		goto out;
last:
	while (!b->done)
		if (put_data(b, 1) != 0) {
			status = -1;
			break;
		}
	progress(b, 1);
out:
	bqs_checker_free(chk);
	return status;
}

/* ---- the job ---- */

static void
print_error(const char *what, const struct jx_val *e)
{
	char reason[64], loc[256], msg[1024];

	obj_str(e->p, e->n, "reason", reason, sizeof(reason));
	obj_str(e->p, e->n, "location", loc, sizeof(loc));
	obj_str(e->p, e->n, "message", msg, sizeof(msg));
	diag_msg("%s%s%s%s%s: %s", what, reason, loc[0] ? " at " : "", loc,
	    "", msg);
}

/* Poll jobs.get until DONE; the Job text ends up in b->job. */
static int
wait_job(struct bq *b)
{
	struct jx_val status, st;
	char state[32], loc[64], *u;
	long ms = b->o->poll_ms;
	long code;
	int misses = 0;

	for (;;) {
		state[0] = '\0';
		if (b->job != NULL && obj_get(b->job, strlen(b->job), "status",
		    &status) && status.type == JX_OBJECT)
			obj_str(status.p, status.n, "state", state,
			    sizeof(state));
		if (strcmp(state, "DONE") == 0)
			return 0;
		if (b->job != NULL) {
			if (b->deadline && left_ms(b) <= ms) {
				diag_msg("job %s: still %s when --timeout was "
				    "reached; it may yet finish (bq show -j "
				    "%s)", b->job_id, state[0] ? state : "?",
				    b->job_id);
				return -1;
			}
			sleep_ms(ms);
			ms = ms * 3 / 2 > 5000 ? 5000 : ms * 3 / 2;
		}
		snprintf(loc, sizeof(loc), "%s", b->dup_loc);
		if (b->job != NULL && obj_get(b->job, strlen(b->job),
		    "jobReference", &st) && st.type == JX_OBJECT)
			obj_str(st.p, st.n, "location", loc, sizeof(loc));
		u = xstrdup(url(b, "/bigquery/v2/projects/%P/jobs/%J"));
		if (loc[0] || b->o->location) {
			struct outbuf *ob = ob_mem();
			const char *d;
			size_t n;

			ob_puts(ob, u);
			ob_puts(ob, "?location=");
			http_escape(ob, loc[0] ? loc : b->o->location);
			d = ob_data(ob, &n);
			free(u);
			u = xmemdup(d, n);
			ob_close(ob);
		}
		code = call(b, "jobs.get", "GET", u, NULL, NULL, 0);
		free(u);
		/* Right after a 409 the job may not be visible yet. */
		if (code == 404 && b->job == NULL &&
		    ++misses < b->o->max_attempts / 2) {
			sleep_ms(http_backoff_ms(misses, b->o->retry_base_ms,
			    b->o->retry_cap_ms, -1));
			continue;
		}
		if (code != 200) {
			if (code > 0)
				report(b, "jobs.get", code);
			return -1;
		}
		keep_job(b);
	}
}

static int
finish(struct bq *b, struct outbuf *out)
{
	struct jx_val status, er, errs, e, stats, load;
	const char *j = b->job;
	size_t jn = strlen(j), pos = 0;
	char loc[64], what[256];
	long long rows = -1, bytes = -1, badrec = 0;
	struct jx_writer w;
	int failed;

	loc[0] = '\0';
	if (obj_get(j, jn, "jobReference", &e) && e.type == JX_OBJECT)
		obj_str(e.p, e.n, "location", loc, sizeof(loc));
	if (!obj_get(j, jn, "status", &status) || status.type != JX_OBJECT) {
		diag_msg("job %s: no status in the answer", b->job_id);
		return -1;
	}
	failed = obj_get(status.p, status.n, "errorResult", &er) &&
	    er.type == JX_OBJECT;
	if (failed) {
		snprintf(what, sizeof(what), "job %s failed: ", b->job_id);
		print_error(what, &er);
	}
	if (obj_get(status.p, status.n, "errors", &errs) &&
	    errs.type == JX_ARRAY) {
		snprintf(what, sizeof(what), "%s", failed ? "error: " :
		    "warning: skipped: ");
		while (jx_arr_next(&errs, &pos, &e))
			if (e.type == JX_OBJECT && !(failed && e.n == er.n &&
			    memcmp(e.p, er.p, e.n) == 0))
				print_error(what, &e);
	}
	if (failed) {
		static const char *const rerun[] = { "backendError",
		    "internalError", "rateLimitExceeded", "jobBackendError",
		    "jobInternalError", "jobRateLimitExceeded", NULL };
		char reason[64];
		int i;

		obj_str(er.p, er.n, "reason", reason, sizeof(reason));
		for (i = 0; rerun[i] != NULL; i++)
			if (strcmp(reason, rerun[i]) == 0)
				return -2;
		return -1;
	}
	if (obj_get(j, jn, "statistics", &stats) && stats.type == JX_OBJECT &&
	    obj_get(stats.p, stats.n, "load", &load) &&
	    load.type == JX_OBJECT) {
		rows = obj_int(load.p, load.n, "outputRows");
		bytes = obj_int(load.p, load.n, "inputFileBytes");
		badrec = obj_int(load.p, load.n, "badRecords");
	}
	jw_begin(&w, out);
	jw_key(&w, "job_id", 6);
	jw_str(&w, b->job_id, strlen(b->job_id));
	jw_key(&w, "location", 8);
	jw_str(&w, loc, strlen(loc));
	jw_key(&w, "table", 5);
	ob_putc(out, '"');
	ob_json_esc(out, b->o->project, strlen(b->o->project));
	ob_putc(out, ':');
	ob_json_esc(out, b->o->dataset, strlen(b->o->dataset));
	ob_putc(out, '.');
	ob_json_esc(out, b->o->table, strlen(b->o->table));
	ob_putc(out, '"');
	jw_key(&w, "rows", 4);
	jw_int(&w, rows);
	jw_key(&w, "bytes", 5);
	jw_int(&w, bytes);
	jw_key(&w, "bad_records", 11);
	jw_int(&w, badrec < 0 ? 0 : badrec);
	jw_end(&w);
	ob_end_record(out);
	return 0;
}

static void
dry_run(struct bq *b, struct outbuf *out)
{
	struct outbuf *ob = ob_mem();
	const char *d;
	size_t n;

	bq_job_json(ob, b->o, b->job_id);
	d = ob_data(ob, &n);
	ob_puts(out, "# load job configuration (jobs.insert body)\n");
	ob_write(out, d, n);
	ob_puts(out, "\n# requests it would make (nothing is sent)\n");
	ob_printf(out, "# credentials: %s (no token fetched)\n",
	    b->g ? gauth_describe(b->g) : "(not resolved)");
	ob_printf(out, "GET %s\n", url(b, "/bigquery/v2/projects/%P/"
	    "datasets/%D"));
	if (b->o->create_dataset)
		ob_printf(out, "POST %s  (only if the dataset is missing)\n",
		    url(b, "/bigquery/v2/projects/%P/datasets"));
	ob_printf(out, "POST %s\n", url(b, "/upload/bigquery/v2/projects/"
	    "%P/jobs?uploadType=resumable"));
	ob_printf(out, "PUT <session URI from Location>  (Content-Range: "
	    "bytes 0-%zu/*, one per %zu-byte chunk of %s; the last states "
	    "the total)\n", b->o->chunk - 1, b->o->chunk,
	    b->o->input_name ? b->o->input_name : "<stdin>");
	ob_printf(out, "GET %s?location=%s  (until status.state is DONE)\n",
	    url(b, "/bigquery/v2/projects/%P/jobs/%J"),
	    b->o->location ? b->o->location : "<from the job>");
	ob_close(ob);
}

int
bq_load(struct http *h, struct gauth *g, const struct bq_opts *o,
    struct lineio *in, struct outbuf *out)
{
	struct lineio *again = NULL;
	struct bq b;
	int rc = -1, run;

	memset(&b, 0, sizeof(b));
	b.h = h;
	b.g = g;
	b.o = o;
	b.deadline = o->timeout_s > 0 ? (long long)time(NULL) + o->timeout_s +
	    1 : 0;
	b.tty = isatty(STDERR_FILENO);
	b.t0 = b.tlast = now_s();
	b.end = b.t0 + (double)o->timeout_s;
	if (o->job_id != NULL)
		snprintf(b.job_id, sizeof(b.job_id), "%s", o->job_id);
	else
		bq_job_id(b.job_id, sizeof(b.job_id), o->job_prefix);
	if (o->dry_run) {
		dry_run(&b, out);
		/* Checking the rows touches nothing remote. */
		rc = in != NULL && o->validate && o->schema != NULL ?
		    stream(&b, in, 0) : 0;
		goto out;
	}
	if (gauth_token(g, b.deadline) == NULL)
		goto out;
	if (ensure_dataset(&b) != 0)
		goto out;
	b.cap = o->chunk + BQ_CHUNK_UNIT;
	b.buf = xmalloc(b.cap);
	for (run = 0;; run++) {
		if (start_session(&b) != 0)
			goto out;
		if (!b.done) {
			if (stream(&b, in, 1) != 0)
				goto out;
		} else {
			diag_msg("job %s exists already: following it, not "
			    "loading again", b.job_id);
		}
		if (wait_job(&b) != 0)
			goto out;
		rc = finish(&b, out);
		/*
		 * A job that died of a transient backend failure is worth
		 * one re-run under a new id (Google says it is safe), when
		 * the input can be read again.
		 */
		if (rc != -2 || run > 0 || o->input_path == NULL)
			break;
		if (again != NULL || (again = lr_open(o->input_path)) == NULL)
			break;
		in = again;
		if (o->job_id != NULL)
			snprintf(b.job_id, sizeof(b.job_id), "%.150s_r1",
			    o->job_id);
		else
			bq_job_id(b.job_id, sizeof(b.job_id), o->job_prefix);
		diag_msg("running the load again as job %s", b.job_id);
		XFREE(b.session);
		XFREE(b.job);
		b.len = 0;
		b.off = b.rows = 0;
		b.done = 0;
		b.dup_loc[0] = '\0';
	}
out:
	if (again != NULL && lr_close(again) != 0)
		rc = -1;
	free(b.session);
	free(b.buf);
	free(b.job);
	return rc == 0 ? STATUS_OK : STATUS_FAIL;
}
