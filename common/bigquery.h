/*
 * bigquery: load NDJSON into a BigQuery table with one load job fed by a
 * resumable upload: dataset created when missing, a client-made job id
 * (a retried insert never loads twice), chunks of a multiple of 256 KiB
 * streamed with bounded memory, resumption from the server's committed
 * offset, retries with truncated exponential backoff, and the job polled
 * to DONE.
 */
#ifndef NDJ_BIGQUERY_H
#define NDJ_BIGQUERY_H

#include <stddef.h>

#define BQ_CHUNK_UNIT	(256 * 1024)
#define BQ_CHUNK	(8 * 1024 * 1024)	/* default chunk size */
#define BQ_ROOT		"https://bigquery.googleapis.com"

struct bq_schema;
struct gauth;
struct http;
struct lineio;
struct outbuf;

struct bq_opts {
	const char	*project, *dataset, *table;
	const char	*location;	/* NULL: server default */
	const struct bq_schema *schema;	/* NULL: none sent */
	const char	*endpoint;	/* API root, no trailing slash */
	const char	*job_prefix;
	const char	*job_id;	/* exact id (re-runs), or NULL */
	const char	*input_name;	/* for dry-run text */
	const char	*input_path;	/* a regular file that can be re-read */
	int		 autodetect, append, ignore_unknown, create_dataset;
	int		 validate, progress, dry_run;
	long long	 max_bad;
	size_t		 chunk;		/* multiple of BQ_CHUNK_UNIT */
	long long	 timeout_s;	/* whole run; 0: none */
	long		 retry_base_ms, retry_cap_ms, poll_ms;
	long		 request_ms;	/* cap on one request; 0: none */
	int		 max_attempts;	/* per request */
};

/*
 * Load the NDJSON read from in (consumed up to its end) into the table.
 * Writes one JSON summary line to out on success (job id, location,
 * table, rows, bytes, bad records).  Returns STATUS_OK or STATUS_FAIL
 * after reporting what went wrong.  g may be NULL with dry_run.
 */
int		 bq_load(struct http *h, struct gauth *g,
		     const struct bq_opts *o, struct lineio *in,
		     struct outbuf *out);

/* The Job resource sent to jobs.insert (section 2 of the reference). */
void		 bq_job_json(struct outbuf *ob, const struct bq_opts *o,
		     const char *job_id);
/* prefix + 32 random hex digits into buf. */
void		 bq_job_id(char *buf, size_t n, const char *prefix);

/*
 * A 308's Range header ("bytes=0-N"; NULL when absent) as the offset to
 * continue from (N + 1, or 0).  Returns -1 when malformed.
 */
long long	 bq_range_next(const char *hdr);
/*
 * The Content-Range of a chunk of len bytes at first; total < 0 means
 * unknown ("*").  len == 0 gives the status form "bytes *" "/TOTAL".
 */
void		 bq_content_range(char *buf, size_t n, long long first,
		     long long len, long long total);
/*
 * reason and message of a Google JSON error body ({"error":{...,
 * "errors":[{"reason":..}]}}); empty strings when absent.
 */
void		 bq_error_reason(const char *body, size_t n, char *reason,
		     size_t rn, char *msg, size_t mn);

#endif
