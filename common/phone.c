/* phone: UK phone numbers to E.164 (the rule is in phone.h). */
#include <string.h>

#include "common/phone.h"

#define MAXDIGITS	24	/* more is "too long" whatever the prefix */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 when p[0, n) starts with the lower-case word w, in any case. */
static int
prefix_ci(const char *p, size_t n, const char *w)
{
	size_t i, m = strlen(w);

	if (n < m)
		return 0;
	for (i = 0; i < m; i++)
		if (lower((unsigned char)p[i]) != w[i])
			return 0;
	return 1;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* Length of the extension marker that ends at p[end], or 0. */
static size_t
ext_marker(const char *p, size_t end)
{
	static const char *const words[] = {
		"extension", "extn", "ext", "x", "#"
	};
	static const size_t lens[] = { 9, 4, 3, 1, 1 };
	size_t i, m, at;
	int before;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		m = lens[i];
		if (end < m)
			continue;
		at = end - m;
		if (!prefix_ci(p + at, m, words[i]))
			continue;
		if (at == 0)
			return 0;
		before = (unsigned char)p[at - 1];
		if ((before >= '0' && before <= '9') || is_space(before) ||
		    before == ')' || before == ';')
			return m + (before == ';');
		/* "x" after a letter is part of a word, not a marker */
		return 0;
	}
	return 0;
}

/* Where the number ends once an extension suffix is cut off. */
static size_t
cut_extension(const char *p, size_t n)
{
	size_t j = n, d, k, m;

	while (j > 0 && is_space((unsigned char)p[j - 1]))
		j--;
	if (j > 0 && p[j - 1] == '#')
		j--;
	d = j;
	while (j > 0 && p[j - 1] >= '0' && p[j - 1] <= '9')
		j--;
	if (j == d || d - j > 10)
		return n;
	k = j;
	while (k > 0 && (is_space((unsigned char)p[k - 1]) ||
	    p[k - 1] == '.' || p[k - 1] == ':' || p[k - 1] == '='))
		k--;
	if ((m = ext_marker(p, k)) == 0)
		return n;
	k -= m;
	while (k > 0 && is_space((unsigned char)p[k - 1]))
		k--;
	return k;
}

/* Length of a separator at p (UTF-8 aware), or 0. */
static size_t
separator(const unsigned char *p, size_t n)
{
	if (is_space(p[0]) || p[0] == '-' || p[0] == '.' || p[0] == '/' ||
	    p[0] == '(' || p[0] == ')')
		return 1;
	if (n >= 2 && p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (n >= 3 && p[0] == 0xe2 && p[1] == 0x80 &&
	    ((p[2] >= 0x90 && p[2] <= 0x95) || p[2] == 0x89 || p[2] == 0xaf))
		return 3;
	if (n >= 3 && p[0] == 0xe2 && p[1] == 0x88 && p[2] == 0x92)
		return 3;
	return 0;
}

/* libphonenumber's general pattern for GB national numbers. */
static int
gb_general(const char *d, size_t n)
{
	return (n == 10 && d[0] >= '1' && d[0] <= '9' && d[0] != '4' &&
	    d[0] != '6') || (n == 9 && (d[0] == '1' || d[0] == '8')) ||
	    (n == 7 && d[0] == '8');
}

/* A UK national number (after any country code) to +44 NSN. */
static size_t
uk(const char *d, size_t n, int had_cc, char *out, const char **why)
{
	int trunk = 0;

	if (n > 0 && d[0] == '0' && (n - 1 == 7 || n - 1 >= 9)) {
		d++;
		n--;
		trunk = 1;
	}
	if (n == 9 || n == 10) {
		if (d[0] == '0') {
			*why = "0 after the trunk prefix";
			return 0;
		}
		memcpy(out, "+44", 3);
		memcpy(out + 3, d, n);
		out[3 + n] = '\0';
		return 3 + n;
	}
	if (n > 10)
		*why = "too long";
	else if (!had_cc && !trunk && n >= 6 && d[0] != '0')
		*why = "no area code";
	else
		*why = "too short";
	return 0;
}

size_t
phone_e164(const char *s, size_t n, char *out, const char **why)
{
	const unsigned char *p;
	const char *dummy;
	char d[MAXDIGITS];
	size_t i, m, nd = 0, zero = (size_t)-1;
	int plus = 0, seen_digit = 0;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	out[0] = '\0';
	while (n > 0 && is_space((unsigned char)s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	if (n >= 4 && (s[0] | 0x20) == 't' && prefix_ci(s, n, "tel:")) {
		s += 4;
		n -= 4;
		for (i = 0; i < n; i++)
			if (s[i] == ';')
				break;
		n = i;
	}
	n = cut_extension(s, n);
	p = (const unsigned char *)s;
	for (i = 0; i < n; ) {
		if (p[i] >= '0' && p[i] <= '9') {
			if (nd == MAXDIGITS) {
				*why = "too long";
				return 0;
			}
			/* Remember a "(0)" for numbers in +CC form. */
			if (p[i] == '0' && i > 0 && p[i - 1] == '(' &&
			    i + 1 < n && p[i + 1] == ')' && zero == (size_t)-1)
				zero = nd;
			d[nd++] = p[i++];
			seen_digit = 1;
		} else if (p[i] == '+' && !plus && !seen_digit) {
			plus = 1;
			i++;
		} else if ((m = separator(p + i, n - i)) > 0) {
			i += m;
		} else {
			*why = (lower(p[i]) >= 'a' && lower(p[i]) <= 'z') ?
			    "letters" : "invalid character";
			return 0;
		}
	}
	if (nd == 0) {
		*why = "no digits";
		return 0;
	}
	if (!plus && nd >= 3 && d[0] == '0' && d[1] == '0' && d[2] != '0') {
		/* 00 is the UK's international prefix */
		plus = 1;
		memmove(d, d + 2, nd - 2);
		nd -= 2;
		if (zero != (size_t)-1)
			zero -= 2;
	}
	if (plus) {
		if (nd >= 2 && d[0] == '4' && d[1] == '4')
			return uk(d + 2, nd - 2, 1, out, why);
		if (d[0] == '0') {
			*why = "no country code";
			return 0;
		}
		if (zero != (size_t)-1 && zero > 0 && zero < nd) {
			memmove(d + zero, d + zero + 1, nd - zero - 1);
			nd--;
		}
		if (nd < 8 || nd > 15) {
			*why = nd < 8 ? "too short" : "too long";
			return 0;
		}
		out[0] = '+';
		memcpy(out + 1, d, nd);
		out[nd + 1] = '\0';
		return nd + 1;
	}
	if (nd > 2 && d[0] == '4' && d[1] == '4') {
		const char *r = d + 2;
		size_t rn = nd - 2;

		if (r[0] == '0') {
			r++;
			rn--;
		}
		if (nd > 10 || (!gb_general(d, nd) && gb_general(r, rn)))
			return uk(r, rn, 1, out, why);
	}
	return uk(d, nd, 0, out, why);
}
