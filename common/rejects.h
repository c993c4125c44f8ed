/*
 * rejects: a file of records a tool skipped, one NDJSON object per line:
 *   {"file":"in.csv","line":7,"error":"ragged row: 3 fields, expected 8",
 *    "record":"<the raw record text>"}
 * Invalid UTF-8 bytes in the raw text are written as U+FFFD so that the
 * rejects file is itself valid NDJSON.
 */
#ifndef NDJ_REJECTS_H
#define NDJ_REJECTS_H

#include <stddef.h>

struct rejects;

struct rejects	*rej_open(const char *path);	/* NULL after a warning */
/* Flush and close; 0, or -1 after a reported write error.  NULL is fine. */
int		 rej_close(struct rejects *r);
void		 rej_write(struct rejects *r, const char *file, long long line,
		     const char *error, const char *raw, size_t n);
long long	 rej_count(const struct rejects *r);

#endif
