/*
 * Random inputs through snake, phone, cdate, email and utrim: no crash
 * (run under SAN=1 too), and every result keeps its module's promise.
 */
#include <stdio.h>
#include <string.h>

#include "common/cdate.h"
#include "common/email.h"
#include "common/phone.h"
#include "common/snake.h"
#include "common/utrim.h"
#include "tests/unit/unit.h"

static unsigned long long seed = 88172645463325252ULL;

static unsigned
rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)seed;
}

/* Bytes biased towards what the parsers look at. */
static size_t
gen(char *buf, size_t cap)
{
	static const char *const bits[] = {
		"0", "1", "4", "7", "9", "+", "+44", "0044", "(0)", "(", ")",
		" ", "-", ".", "/", "x", "ext", "#", "tel:", ";ext=", "@", "..",
		"a", "Z", "_", "\xc2\xa0", "\xc3\xa9", "\xe2\x80\x83", "\xff",
		"2023", "-02-", "29", "T10:20", "Nov", "1st", ",", "Z",
		"+01:00",
		"mailto:", "xn--", ".com", "\t", "@x", "0191 496 0841", "\0",
	};
	size_t n = 0, k, m, i;

	m = rnd() % 12;
	for (i = 0; i < m; i++) {
		if (rnd() % 4 == 0) {
			if (n < cap)
				buf[n++] = (char)(rnd() & 0xff);
			continue;
		}
		k = rnd() % (sizeof(bits) / sizeof(bits[0]));
		if (bits[k][0] == '\0') {
			if (n < cap)
				buf[n++] = '\0';
			continue;
		}
		if (n + strlen(bits[k]) <= cap) {
			memcpy(buf + n, bits[k], strlen(bits[k]));
			n += strlen(bits[k]);
		}
	}
	return n;
}

static int
is_e164(const char *s, size_t n)
{
	size_t i;

	if (n < 9 || n > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9')
		return 0;
	for (i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return strlen(s) == n;
}

int
main(void)
{
	char in[256], out[EMAIL_MAX + SNAKE_MAX + 2];
	const char *p, *why;
	size_t n, r, i;
	int bad_snake = 0, bad_phone = 0, bad_date = 0, bad_email = 0;
	int bad_trim = 0, phones = 0, dates = 0;

	for (i = 0; i < 300000; i++) {
		n = gen(in, sizeof(in));
		r = snake_case(in, n, out);
		if (!snake_valid(out, r) || strlen(out) != r)
			bad_snake++;
		r = phone_e164(in, n, out, &why);
		if (r > 0) {
			phones++;
			if (!is_e164(out, r))
				bad_phone++;
		} else if (why == NULL) {
			bad_phone++;
		}
		r = cdate_iso(in, n, (int)(i & 1), out, &why);
		if (r > 0) {
			int y, m, d;

			dates++;
			if (r != CDATE_LEN || sscanf(out, "%4d-%2d-%2d", &y, &m,
			    &d) != 3 || !cdate_valid(y, m, d))
				bad_date++;
		} else if (why == NULL) {
			bad_date++;
		}
		r = email_clean(in, n, out, &why);
		if (r > 0 && (memchr(out, '@', r) == NULL || r > EMAIL_MAX ||
		    strlen(out) != r))
			bad_email++;
		p = in;
		r = utrim(&p, n);
		if (p < in || p + r > in + n || (r > 0 &&
		    (utrim_space_at(p, r) != 0)))
			bad_trim++;
	}
	CHECK(bad_snake == 0);
	CHECK(bad_phone == 0);
	CHECK(bad_date == 0);
	CHECK(bad_email == 0);
	CHECK(bad_trim == 0);
	/* the generator does reach the accepting paths */
	CHECK(phones > 100);
	CHECK(dates > 2);
	printf("phones %d, dates %d\n", phones, dates);
	return UNIT_DONE("cleanfuzz");
}
