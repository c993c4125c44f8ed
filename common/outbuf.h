/* outbuf: block writer (fd or memory) with an exact JSON string escaper. */
#ifndef NDJ_OUTBUF_H
#define NDJ_OUTBUF_H

#include <stddef.h>

#include "common/diag.h"

#define OB_BLOCK	(256 * 1024)

struct outbuf;

/* Write to fd; name is used in error messages ("<stdout>"). */
struct outbuf	*ob_open(int fd, const char *name);
/* Create or truncate path (mode 0600: it may hold rejected records). */
struct outbuf	*ob_create(const char *path);	/* NULL after a warning */
/* An in-memory buffer that grows; read it with ob_data. */
struct outbuf	*ob_mem(void);
/*
 * Flush, close (fd mode) and free.  Returns 0, or -1 when any write failed
 * (reported once, as "prog: name: write error: strerror").
 */
int		 ob_close(struct outbuf *ob);
int		 ob_flush(struct outbuf *ob);
int		 ob_error(const struct outbuf *ob);
/* Flush after every ob_end_record (like jq --unbuffered). */
void		 ob_set_unbuffered(struct outbuf *ob, int on);

void		 ob_write(struct outbuf *ob, const void *p, size_t n);
void		 ob_puts(struct outbuf *ob, const char *s);
void		 ob_printf(struct outbuf *ob, const char *fmt, ...)
		     DIAG_PRINTF(2, 3);
/* Write '\n'; flushes when unbuffered. */
void		 ob_end_record(struct outbuf *ob);

/* p[0, n) as a JSON string with quotes; p must be valid UTF-8. */
void		 ob_json_str(struct outbuf *ob, const char *p, size_t n);
/* The same without the surrounding quotes. */
void		 ob_json_esc(struct outbuf *ob, const char *p, size_t n);
/*
 * Escape p[0, n) without quotes, checking UTF-8 as it goes.  Returns 0, or
 * -1 at the first invalid byte (what was written stays: truncate to undo).
 * With lossy, each invalid byte becomes U+FFFD and the result is 0.
 */
int		 ob_json_esc_utf8(struct outbuf *ob, const char *p, size_t n,
		     int lossy);
void		 ob_json_int(struct outbuf *ob, long long v);

/* Memory mode: the bytes (borrowed, NUL-terminated), length, reset. */
const char	*ob_data(struct outbuf *ob, size_t *len);
size_t		 ob_len(const struct outbuf *ob);
/* Drop everything after the first len bytes (only what is unflushed). */
void		 ob_truncate(struct outbuf *ob, size_t len);

static inline void
ob_putc(struct outbuf *ob, char c)
{
	ob_write(ob, &c, 1);
}

#endif
