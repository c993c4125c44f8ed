/* utrim: trim ASCII and Unicode whitespace from UTF-8 text. */
#include "common/utrim.h"

size_t
utrim_space_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r'))
		return 1;
	if (p[0] < 0xc2 || n < 2)
		return 0;
	if (p[0] == 0xc2)
		return p[1] == 0x85 || p[1] == 0xa0 ? 2 : 0;
	if (n < 3)
		return 0;
	switch (p[0]) {
	case 0xe1:
		return p[1] == 0x9a && p[2] == 0x80 ? 3 : 0;
	case 0xe2:
		if (p[1] == 0x80)
			return p[2] <= 0x8b || p[2] == 0xa8 || p[2] == 0xa9 ||
			    p[2] == 0xaf ? 3 : 0;
		return p[1] == 0x81 && p[2] == 0x9f ? 3 : 0;
	case 0xe3:
		return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
	case 0xef:
		return p[1] == 0xbb && p[2] == 0xbf ? 3 : 0;
	}
	return 0;
}

/* Length of the whitespace character that ends at s[n], or 0. */
static size_t
space_before(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (p[n - 1] < 0x80)
		return utrim_space_at(s + n - 1, 1);
	if (n >= 2 && p[n - 2] == 0xc2)
		return utrim_space_at(s + n - 2, 2);
	if (n >= 3)
		return utrim_space_at(s + n - 3, 3);
	return 0;
}

size_t
utrim(const char **p, size_t n)
{
	const char *s = *p;
	size_t k;

	/* the usual case: printable ASCII at both ends */
	if (n > 0 && (unsigned char)s[0] - 0x21u < 0x5e &&
	    (unsigned char)s[n - 1] - 0x21u < 0x5e)
		return n;
	while (n > 0 && (k = utrim_space_at(s, n)) > 0) {
		s += k;
		n -= k;
	}
	while (n > 0 && (k = space_before(s, n)) > 0)
		n -= k;
	*p = s;
	return n;
}
