/* outbuf: memcpy into a 256 KiB buffer, write(2) when full. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/diag.h"
#include "common/outbuf.h"
#include "common/xalloc.h"

struct outbuf {
	int	 fd;		/* -1 in memory mode */
	char	*name;
	char	*buf;
	size_t	 len, cap;
	int	 err, unbuffered;
};

/* Bytes that need escaping inside a JSON string: 0 safe, else the escape. */
static const char esc[256] = {
	['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
	[0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u',
	[0x05] = 'u', [0x06] = 'u', [0x07] = 'u', [0x0b] = 'u', [0x0e] = 'u',
	[0x0f] = 'u', [0x10] = 'u', [0x11] = 'u', [0x12] = 'u', [0x13] = 'u',
	[0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u', [0x18] = 'u',
	[0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u', [0x1d] = 'u',
	[0x1e] = 'u', [0x1f] = 'u', ['"'] = '"', ['\\'] = '\\',
};

static struct outbuf *
ob_new(int fd, const char *name)
{
	struct outbuf *ob = xcalloc(1, sizeof(*ob));

	ob->fd = fd;
	ob->name = xstrdup(name);
	ob->cap = OB_BLOCK;
	ob->buf = xmalloc(ob->cap + 1);
	return ob;
}

struct outbuf *
ob_open(int fd, const char *name)
{
	return ob_new(fd, name);
}

struct outbuf *
ob_create(const char *path)
{
	int fd;

	if (strcmp(path, "-") == 0)
		return ob_new(STDOUT_FILENO, "<stdout>");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_syswarn(path, "cannot create");
		return NULL;
	}
	return ob_new(fd, path);
}

struct outbuf *
ob_mem(void)
{
	return ob_new(-1, "<memory>");
}

static void
ob_fail(struct outbuf *ob)
{
	if (!ob->err)
		diag_syswarn(ob->name, "write error");
	ob->err = 1;
}

/* Write buffered bytes and then p[0, n) straight through. */
static void
drain(struct outbuf *ob, const char *p, size_t n)
{
	const char *q[2] = { ob->buf, p };
	size_t m[2] = { ob->len, n };
	ssize_t r;
	int i;

	ob->len = 0;
	if (ob->err)
		return;
	for (i = 0; i < 2; i++) {
		while (m[i] > 0) {
			r = write(ob->fd, q[i], m[i]);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				ob_fail(ob);
				return;
			}
			q[i] += r;
			m[i] -= r;
		}
	}
}

int
ob_flush(struct outbuf *ob)
{
	if (ob->fd >= 0 && ob->len > 0)
		drain(ob, NULL, 0);
	return ob->err ? -1 : 0;
}

int
ob_error(const struct outbuf *ob)
{
	return ob->err;
}

void
ob_set_unbuffered(struct outbuf *ob, int on)
{
	ob->unbuffered = on;
}

int
ob_close(struct outbuf *ob)
{
	int rc;

	if (ob == NULL)
		return 0;
	rc = ob_flush(ob);
	/* Standard output stays open: its errors surface in write(2). */
	if (ob->fd > STDERR_FILENO && close(ob->fd) < 0)
		ob_fail(ob);
	if (ob->err)
		rc = -1;
	free(ob->buf);
	free(ob->name);
	free(ob);
	return rc;
}

static void
grow(struct outbuf *ob, size_t n)
{
	while (ob->cap - ob->len < n)
		ob->cap *= 2;
	ob->buf = xrealloc(ob->buf, ob->cap + 1);
}

void
ob_write(struct outbuf *ob, const void *p, size_t n)
{
	if (ob->cap - ob->len >= n) {
		memcpy(ob->buf + ob->len, p, n);
		ob->len += n;
	} else if (ob->fd < 0) {
		grow(ob, n);
		memcpy(ob->buf + ob->len, p, n);
		ob->len += n;
	} else if (n >= ob->cap) {
		drain(ob, p, n);
	} else {
		drain(ob, NULL, 0);
		memcpy(ob->buf, p, n);
		ob->len = n;
	}
}

void
ob_puts(struct outbuf *ob, const char *s)
{
	ob_write(ob, s, strlen(s));
}

void
ob_printf(struct outbuf *ob, const char *fmt, ...)
{
	char small[512], *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		ob_write(ob, small, n);
		return;
	}
	big = xmalloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(big, n + 1, fmt, ap);
	va_end(ap);
	ob_write(ob, big, n);
	free(big);
}

void
ob_end_record(struct outbuf *ob)
{
	ob_putc(ob, '\n');
	if (ob->unbuffered)
		ob_flush(ob);
}

void
ob_json_esc(struct outbuf *ob, const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)p, *e = s + n, *run;
	char u[6];
	unsigned char c;

	while (s < e) {
		/* Copy each run of safe bytes with one memcpy. */
		run = s;
		while (s < e && !esc[*s])
			s++;
		if (s > run)
			ob_write(ob, run, s - run);
		if (s == e)
			break;
		c = *s++;
		u[0] = '\\';
		u[1] = esc[c];
		if (esc[c] != 'u') {
			ob_write(ob, u, 2);
			continue;
		}
		u[2] = '0';
		u[3] = '0';
		u[4] = hex[c >> 4];
		u[5] = hex[c & 15];
		ob_write(ob, u, 6);
	}
}

void
ob_json_str(struct outbuf *ob, const char *p, size_t n)
{
	ob_putc(ob, '"');
	ob_json_esc(ob, p, n);
	ob_putc(ob, '"');
}

void
ob_json_int(struct outbuf *ob, long long v)
{
	char b[24];
	int n = snprintf(b, sizeof(b), "%lld", v);

	ob_write(ob, b, n);
}

const char *
ob_data(struct outbuf *ob, size_t *len)
{
	ob->buf[ob->len] = '\0';
	if (len != NULL)
		*len = ob->len;
	return ob->buf;
}

size_t
ob_len(const struct outbuf *ob)
{
	return ob->len;
}

void
ob_truncate(struct outbuf *ob, size_t len)
{
	if (len < ob->len)
		ob->len = len;
}
