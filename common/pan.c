/* pan: Luhn check, masking, and finding card numbers in text. */
#include <string.h>

#include "common/pan.h"

#define ISDIGIT(c)	((unsigned)((unsigned char)(c) - (unsigned)'0') < 10u)
#define ISSEP(c)	((c) == ' ' || (c) == '-')

int
pan_luhn(const char *d, size_t n)
{
	static const unsigned char dbl[10] = { 0, 2, 4, 6, 8, 1, 3, 5, 7, 9 };
	unsigned sum = 0;
	size_t i;

	/* The rightmost digit is the check digit; double every second one
	 * to its left. */
	for (i = 0; i < n; i++) {
		unsigned v = d[n - 1 - i] - '0';

		sum += i & 1 ? dbl[v] : v;
	}
	return n > 0 && sum % 10 == 0;
}

size_t
pan_parse(const char *s, size_t n, char d[PAN_MAX])
{
	size_t i = 0, nd = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n || !ISDIGIT(s[i]))
		return 0;
	for (; i < n; i++) {
		if (ISDIGIT(s[i])) {
			if (nd == PAN_MAX)
				return 0;
			d[nd++] = s[i];
		} else if (!ISSEP(s[i]) || i + 1 == n || !ISDIGIT(s[i + 1])) {
			return 0;
		}
	}
	return nd >= PAN_FIELD_MIN ? nd : 0;
}

void
pan_mask(char *out, const char *d, size_t n, int keep)
{
	size_t i, k = keep > 0 ? (size_t)keep : 0, tail = n < 4 ? n : 4;

	if (n < tail + PAN_HIDE_MIN)
		k = 0;
	else if (k > n - tail - PAN_HIDE_MIN)
		k = n - tail - PAN_HIDE_MIN;
	for (i = 0; i < n; i++)
		out[i] = i < k || i >= n - tail ? d[i] : '*';
}

/* End of the digit group that starts at s[i]. */
static size_t
group_end(const char *s, size_t n, size_t i)
{
	while (i < n && ISDIGIT(s[i]))
		i++;
	return i;
}

/* Start of the group after the one ending at k, or 0 if the run ends. */
static size_t
next_group(const char *s, size_t n, size_t k)
{
	return k + 1 < n && ISSEP(s[k]) && ISDIGIT(s[k + 1]) ? k + 1 : 0;
}

int
pan_find(const char *s, size_t n, size_t from, struct pan_match *m)
{
	size_t i = from, g, j, k, nd, best, bestnd;

	while (i < n) {
		if (!ISDIGIT(s[i])) {
			i++;
			continue;
		}
		/* A run of groups starts at i: try a PAN from each group. */
		for (g = i;;) {
			best = bestnd = nd = 0;
			for (j = g;;) {
				for (k = j; k < n && ISDIGIT(s[k]) &&
				    nd < PAN_MAX; k++)
					m->d[nd++] = s[k];
				if (k < n && ISDIGIT(s[k]))
					break;		/* over PAN_MAX digits */
				if (nd >= PAN_SCAN_MIN &&
				    pan_luhn(m->d, nd)) {
					best = k;
					bestnd = nd;
				}
				if ((j = next_group(s, n, k)) == 0)
					break;
			}
			if (best != 0) {
				m->off = g;
				m->len = best - g;
				m->nd = bestnd;
				return 1;
			}
			k = group_end(s, n, g);
			if ((g = next_group(s, n, k)) == 0) {
				i = k;
				break;
			}
		}
	}
	return 0;
}

int
pan_maybe(const char *s, size_t n)
{
	/* 1 digit, 2 separator, 0 anything else. */
	static unsigned char cls[256];
	static int init;
	size_t p, a, b, nd;

	if (!init) {
		for (p = '0'; p <= '9'; p++)
			cls[p] = 1;
		cls[' '] = cls['-'] = 2;
		init = 1;
	}
	/*
	 * A stretch holding PAN_SCAN_MIN digits is at least PAN_SCAN_MIN
	 * bytes long, so it covers one of the sampled positions.
	 */
	for (p = PAN_SCAN_MIN - 1; p < n; p += PAN_SCAN_MIN) {
		if (cls[(unsigned char)s[p]] == 0)
			continue;
		for (a = p; a > 0 && cls[(unsigned char)s[a - 1]]; a--)
			;
		for (nd = 0, b = a; b < n && cls[(unsigned char)s[b]]; b++)
			if (cls[(unsigned char)s[b]] == 1 &&
			    ++nd >= PAN_SCAN_MIN)
				return 1;
		p = b;	/* s[b] is not in any stretch: sample b + 13 next */
	}
	return 0;
}
