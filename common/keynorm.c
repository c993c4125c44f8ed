/* keynorm: trim, collapse white space and ASCII case-fold key text. */
#include <stddef.h>

#include "common/keynorm.h"
#include "common/outbuf.h"

/* Length of the white space at p (0 when none): ASCII or U+00A0. */
static size_t
space_at(const unsigned char *p, const unsigned char *e)
{
	switch (*p) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
		return 1;
	case 0xc2:
		return p + 1 < e && p[1] == 0xa0 ? 2 : 0;
	default:
		return 0;
	}
}

size_t
kn_fold(struct outbuf *ob, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	char buf[256];
	size_t k, len = 0, out = 0;
	int gap = 0;

	while (p < e) {
		if ((k = space_at(p, e)) != 0) {
			gap = out + len > 0;
			p += k;
			continue;
		}
		if (gap) {
			if (len == sizeof(buf)) {
				ob_write(ob, buf, len);
				out += len;
				len = 0;
			}
			buf[len++] = ' ';
			gap = 0;
		}
		if (len == sizeof(buf)) {
			ob_write(ob, buf, len);
			out += len;
			len = 0;
		}
		buf[len++] = *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p;
		p++;
	}
	ob_write(ob, buf, len);
	return out + len;
}
