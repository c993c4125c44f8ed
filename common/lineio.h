/* lineio: block reader handing out lines (or raw blocks) as slices. */
#ifndef NDJ_LINEIO_H
#define NDJ_LINEIO_H

#include <stddef.h>
#include <sys/types.h>

#define LR_BLOCK	(256 * 1024)
#define LR_MAXLINE	(64 * 1024 * 1024)	/* default cap on one line */

struct lineio;

/*
 * Open path for reading; NULL or "-" is standard input, named "<stdin>".
 * On failure warn "prog: path: strerror" and return NULL.
 */
struct lineio	*lr_open(const char *path);
struct lineio	*lr_fdopen(int fd, const char *name);
/* Close (never fd 0); returns 0, or -1 after a read error was reported. */
int		 lr_close(struct lineio *lr);

void		 lr_set_max(struct lineio *lr, size_t max);

/*
 * The next line, without its '\n' but NUL-terminated and writable:
 * borrowed until the next call.  A last line without '\n' is returned too.
 * Returns 1 for a line, 0 at end of input, -1 on a read error or a line
 * over the cap (both reported with file:line).
 */
int		 lr_next(struct lineio *lr, char **line, size_t *len);

/*
 * Raw mode for streaming parsers: the next block of input (borrowed until
 * the next call).  Returns its length, 0 at end, -1 on a read error
 * (reported).  Do not mix with lr_next on the same reader.
 */
ssize_t		 lr_read(struct lineio *lr, const char **p);

/* 1-based number of the line last returned by lr_next. */
long long	 lr_lineno(const struct lineio *lr);
/* Bytes consumed so far (lines or blocks handed out). */
long long	 lr_offset(const struct lineio *lr);
const char	*lr_name(const struct lineio *lr);

#endif
