/* lineio: read(2) into a big buffer, split on '\n' with memchr. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/diag.h"
#include "common/lineio.h"
#include "common/pipe.h"
#include "common/xalloc.h"

struct lineio {
	int		 fd;
	char		*name;
	char		*buf;
	size_t		 cap;		/* usable bytes; buf has cap + 1 */
	size_t		 start, end;	/* unconsumed data is buf[start, end) */
	size_t		 scan;		/* no '\n' in buf[start, scan) */
	size_t		 max;
	long long	 lineno;
	long long	 offset;
	int		 eof, err;
};

struct lineio *
lr_fdopen(int fd, const char *name)
{
	struct lineio *lr = xcalloc(1, sizeof(*lr));

	lr->fd = fd;
	pipe_widen(fd);
	lr->name = xstrdup(name);
	lr->cap = LR_BLOCK;
	lr->buf = xmalloc(lr->cap + 1);
	lr->max = LR_MAXLINE;
	return lr;
}

struct lineio *
lr_open(const char *path)
{
	int fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return lr_fdopen(STDIN_FILENO, "<stdin>");
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		diag_syswarn(path, "cannot open");
		return NULL;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	return lr_fdopen(fd, path);
}

int
lr_close(struct lineio *lr)
{
	int err;

	if (lr == NULL)
		return 0;
	err = lr->err;
	if (lr->fd != STDIN_FILENO)
		close(lr->fd);
	free(lr->buf);
	free(lr->name);
	free(lr);
	return err ? -1 : 0;
}

void
lr_set_max(struct lineio *lr, size_t max)
{
	lr->max = max;
}

const char *
lr_name(const struct lineio *lr)
{
	return lr->name;
}

long long
lr_lineno(const struct lineio *lr)
{
	return lr->lineno;
}

long long
lr_offset(const struct lineio *lr)
{
	return lr->offset;
}

/* Read more input after buf[end]; 1 read something, 0 eof, -1 error. */
static int
fill(struct lineio *lr)
{
	ssize_t r;

	for (;;) {
		r = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end);
		if (r > 0) {
			lr->end += r;
			return 1;
		}
		if (r == 0) {
			lr->eof = 1;
			return 0;
		}
		if (errno != EINTR) {
			diag_syswarn(lr->name, "read error");
			lr->err = 1;
			return -1;
		}
	}
}

int
lr_next(struct lineio *lr, char **line, size_t *len)
{
	char *nl;
	size_t n;

	for (;;) {
		nl = memchr(lr->buf + lr->scan, '\n', lr->end - lr->scan);
		if (nl != NULL) {
			n = nl - (lr->buf + lr->start);
			break;
		}
		lr->scan = lr->end;
		if (lr->err)
			return -1;
		if (lr->eof) {
			if (lr->start == lr->end)
				return 0;
			n = lr->end - lr->start;
			nl = lr->buf + lr->end;
			break;
		}
		if (lr->end == lr->cap) {
			if (lr->start > 0) {
				/* Slide the partial line to the front. */
				memmove(lr->buf, lr->buf + lr->start,
				    lr->end - lr->start);
				lr->end -= lr->start;
				lr->scan -= lr->start;
				lr->start = 0;
			} else if (lr->cap > lr->max) {
				diag_warn(lr->name, lr->lineno + 1,
				    "line longer than %zu bytes", lr->max);
				lr->err = 1;
				return -1;
			} else {
				lr->cap *= 2;
				lr->buf = xrealloc(lr->buf, lr->cap + 1);
			}
		}
		if (fill(lr) < 0)
			return -1;
	}
	if (n > lr->max) {
		diag_warn(lr->name, lr->lineno + 1,
		    "line longer than %zu bytes", lr->max);
		lr->err = 1;
		return -1;
	}
	*line = lr->buf + lr->start;
	*len = n;
	*nl = '\0';		/* buf has one spare byte past cap */
	lr->start += n + (nl < lr->buf + lr->end);
	if (lr->start > lr->end)
		lr->start = lr->end;
	lr->scan = lr->start;
	lr->offset += n + 1;
	lr->lineno++;
	return 1;
}

ssize_t
lr_read(struct lineio *lr, const char **p)
{
	size_t n;

	if (lr->start == lr->end) {
		lr->start = lr->end = lr->scan = 0;
		if (lr->eof)
			return 0;
		if (fill(lr) <= 0)
			return lr->err ? -1 : 0;
	}
	n = lr->end - lr->start;
	*p = lr->buf + lr->start;
	lr->start = lr->scan = lr->end;
	lr->offset += n;
	return (ssize_t)n;
}
