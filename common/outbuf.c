/* outbuf: memcpy into a 256 KiB buffer, write(2) when full. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/diag.h"
#include "common/outbuf.h"
#include "common/pipe.h"
#include "common/utf8.h"
#include "common/xalloc.h"

struct outbuf {
	int	 fd;		/* -1 in memory mode */
	char	*name;
	char	*buf;
	size_t	 len, cap;
	int	 err, unbuffered;
};

/*
 * What each byte needs inside a JSON string: 0 nothing, 'h' a UTF-8 check
 * (bytes >= 0x80), 'u' a \u00XX escape, else the letter of its short
 * escape.
 */
static const char esc[256] = {
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	0, 0, '"', 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, '\\', 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
	'h', 'h', 'h', 'h', 'h', 'h', 'h', 'h',
};

static struct outbuf *
ob_new(int fd, const char *name)
{
	struct outbuf *ob = xcalloc(1, sizeof(*ob));

	ob->fd = fd;
	if (fd >= 0)
		pipe_widen(fd);
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

#define ONES	0x0101010101010101ULL
#define HIGH	0x8080808080808080ULL

/* Nonzero when a byte of w is below 0x20, '"', '\\' or not ASCII. */
static inline uint64_t
word_special(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), bs = w ^ (ONES * '\\');

	return (w | ((w - ONES * 0x20) & ~w) | ((q - ONES) & ~q) |
	    ((bs - ONES) & ~bs)) & HIGH;
}

/* Room for n more bytes: flush (fd mode) or grow (memory mode). */
static char *
room(struct outbuf *ob, size_t n)
{
	if (ob->cap - ob->len < n && ob->fd >= 0)
		drain(ob, NULL, 0);
	if (ob->cap - ob->len < n)
		grow(ob, n);
	return ob->buf + ob->len;
}

/* Input per pass, so that its worst case (6 bytes each) fits a block. */
#define PIECE	(OB_BLOCK / 8)

/*
 * The one JSON string escaper.  Plain ASCII moves eight bytes at a time
 * straight into the buffer.  check: validate UTF-8 as well; an invalid
 * byte fails (-1, output so far kept) or, with lossy, becomes U+FFFD.
 */
static int
escape(struct outbuf *ob, const char *p, size_t n, int check, int lossy)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)p, *e, *end = s + n;
	unsigned char c;
	uint64_t w;
	size_t m, k;
	char *d;

	while (s < end) {
		m = (size_t)(end - s) < PIECE ? (size_t)(end - s) : PIECE;
		/* End a piece on a character boundary. */
		while (m < (size_t)(end - s) && m > 1 && (s[m] & 0xc0) == 0x80)
			m--;
		e = s + m;
		d = room(ob, 6 * m + 8);
		while (s < e) {
			while (e - s >= 8) {
				memcpy(&w, s, 8);
				if (word_special(w))
					break;
				memcpy(d, &w, 8);
				s += 8;
				d += 8;
			}
			while (s < e && !esc[*s])
				*d++ = *s++;
			if (s == e)
				break;
			c = *s;
			if (esc[c] == 'h') {
				if (!check) {
					*d++ = *s++;
					continue;
				}
				if ((k = utf8_seq(s, e)) == 0) {
					if (!lossy) {
						ob->len = d - ob->buf;
						return -1;
					}
					memcpy(d, "\xef\xbf\xbd", 3);
					d += 3;
					s++;
					continue;
				}
				memcpy(d, s, k);
				d += k;
				s += k;
				continue;
			}
			s++;
			*d++ = '\\';
			*d++ = esc[c];
			if (esc[c] == 'u') {
				memcpy(d, "00", 2);
				d[2] = hex[c >> 4];
				d[3] = hex[c & 15];
				d += 4;
			}
		}
		ob->len = d - ob->buf;
	}
	return 0;
}

void
ob_json_esc(struct outbuf *ob, const char *p, size_t n)
{
	escape(ob, p, n, 0, 0);
}

int
ob_json_esc_utf8(struct outbuf *ob, const char *p, size_t n, int lossy)
{
	return escape(ob, p, n, 1, lossy);
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
	char b[24], *p = b + sizeof(b);
	/* Negate in unsigned arithmetic: LLONG_MIN has no positive twin. */
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v :
	    (unsigned long long)v;

	/* By hand, not snprintf: one per output record with --id. */
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	ob_write(ob, p, (size_t)(b + sizeof(b) - p));
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
