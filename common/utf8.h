/* utf8: the one UTF-8 validity rule (RFC 3629 section 4), inline. */
#ifndef NDJ_UTF8_H
#define NDJ_UTF8_H

#include <stddef.h>

/*
 * Length of the valid UTF-8 sequence at s (at most e - s bytes), or 0 when
 * it is not one: no overlongs, no UTF-16 surrogates, nothing above
 * U+10FFFF.
 */
static inline size_t
utf8_seq(const unsigned char *s, const unsigned char *e)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t k, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	if (s[0] < 0xe0) {
		k = 2;
	} else if (s[0] < 0xf0) {
		k = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;		/* overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;		/* surrogates */
	} else {
		k = 4;
		if (s[0] == 0xf0)
			lo = 0x90;		/* overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;		/* above U+10FFFF */
	}
	if ((size_t)(e - s) < k || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < k; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return k;
}

#endif
