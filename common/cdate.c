/* cdate: dates in common written forms to YYYY-MM-DD (rule in cdate.h). */
#include <string.h>

#include "common/cdate.h"

struct cur {
	const char	*p, *e;
};

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalph(int c)
{
	c = lc(c);
	return c >= 'a' && c <= 'z';
}

static void
skip_spaces(struct cur *c)
{
	while (c->p < c->e && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* Read 1 to max digits; *nd gets how many.  -1 when there are none. */
static int
digits(struct cur *c, int max, int *nd)
{
	int v = 0, k = 0;

	while (c->p < c->e && k < max && isdig(*c->p)) {
		v = v * 10 + (*c->p++ - '0');
		k++;
	}
	*nd = k;
	/* more digits than allowed: not this form */
	if (k == 0 || (c->p < c->e && isdig(*c->p)))
		return -1;
	return v;
}

/* A word of letters, lower-cased into w (up to 15 bytes). */
static size_t
word(struct cur *c, char *w)
{
	size_t k = 0;

	while (c->p < c->e && isalph(*c->p)) {
		if (k < 15)
			w[k] = lc(*c->p);
		k++;
		c->p++;
	}
	w[k < 15 ? k : 15] = '\0';
	return k;
}

static int
month_name(const char *w, size_t k)
{
	static const char *const full[12] = {
		"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november",
		"december"
	};
	int i;

	if (k == 4 && strcmp(w, "sept") == 0)
		return 9;
	for (i = 0; i < 12; i++)
		if ((k == 3 && strncmp(w, full[i], 3) == 0) ||
		    strcmp(w, full[i]) == 0)
			return i + 1;
	return 0;
}

static int
weekday_name(const char *w, size_t k)
{
	static const char *const full[7] = {
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday"
	};
	int i;

	for (i = 0; i < 7; i++)
		if ((k == 3 && strncmp(w, full[i], 3) == 0) ||
		    strcmp(w, full[i]) == 0)
			return 1;
	return 0;
}

/* Month name at the cursor (with an optional '.'), or 0. */
static int
month(struct cur *c)
{
	char w[16];
	size_t k = word(c, w);
	int m = month_name(w, k);

	if (m && k <= 4 && c->p < c->e && *c->p == '.')
		c->p++;
	return m;
}

/* Optional "st", "nd", "rd" or "th" after a day number. */
static void
ordinal(struct cur *c)
{
	if (c->e - c->p >= 2) {
		char a = lc(c->p[0]), b = lc(c->p[1]);

		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
			c->p += 2;
	}
}

/* Separators between the parts of a written-out date. */
static int
seps(struct cur *c)
{
	const char *p0 = c->p;

	while (c->p < c->e && (*c->p == ' ' || *c->p == '\t' ||
	    *c->p == '-' || *c->p == '/' || *c->p == '.' || *c->p == ','))
		c->p++;
	return c->p > p0;
}

/* Accept the rest as nothing or a valid time of day. */
static int
rest_ok(struct cur *c, int iso)
{
	int v, nd;

	if (c->p == c->e)
		return 1;
	if (iso && (*c->p == 'T' || *c->p == 't'))
		c->p++;
	else if (*c->p == ' ' || *c->p == '\t')
		skip_spaces(c);
	else
		return 0;
	if ((v = digits(c, 2, &nd)) < 0 || v > 23 || c->p == c->e ||
	    *c->p++ != ':')
		return 0;
	if ((v = digits(c, 2, &nd)) < 0 || nd != 2 || v > 59)
		return 0;
	if (c->p < c->e && *c->p == ':') {
		c->p++;
		if ((v = digits(c, 2, &nd)) < 0 || nd != 2 || v > 60)
			return 0;
		if (c->p < c->e && (*c->p == '.' || *c->p == ',')) {
			c->p++;
			if (c->p == c->e || !isdig(*c->p))
				return 0;
			while (c->p < c->e && isdig(*c->p))
				c->p++;
		}
	}
	skip_spaces(c);
	if (c->e - c->p >= 2 && (lc(c->p[0]) == 'a' || lc(c->p[0]) == 'p') &&
	    lc(c->p[1]) == 'm') {
		c->p += 2;
		skip_spaces(c);
	}
	if (c->p == c->e)
		return 1;
	if (*c->p == 'Z' || *c->p == 'z') {
		c->p++;
	} else if (c->e - c->p >= 3 && (strncmp(c->p, "UTC", 3) == 0 ||
	    strncmp(c->p, "GMT", 3) == 0)) {
		c->p += 3;
	} else if (*c->p == '+' || *c->p == '-') {
		c->p++;
		if ((v = digits(c, 4, &nd)) < 0 || (nd != 2 && nd != 4))
			return 0;
		if (nd == 2 && c->p < c->e && *c->p == ':') {
			c->p++;
			if (digits(c, 2, &nd) < 0 || nd != 2)
				return 0;
		}
	} else {
		return 0;
	}
	return c->p == c->e;
}

int
cdate_valid(int y, int m, int d)
{
	static const int mdays[13] = {
		0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m] + (m == 2 && leap);
}

static int
pivot(int yy)
{
	return yy >= 69 ? 1900 + yy : 2000 + yy;
}

/* 1 and y, m, d set when the text is one of the forms; 0 otherwise. */
static int
parse(struct cur c, int order, int *y, int *m, int *d)
{
	struct cur s = c;
	char w[16], sep;
	int a, b, v, na, nb, nv;
	size_t k;

	/* a leading weekday name */
	if (c.p < c.e && isalph(*c.p)) {
		k = word(&s, w);
		if (weekday_name(w, k)) {
			if (s.p < s.e && *s.p == '.')
				s.p++;
			if (!seps(&s))
				return 0;
			c = s;
		}
		s = c;
	}
	if (c.p < c.e && isalph(*c.p)) {
		/* Mon D, YYYY */
		if ((*m = month(&c)) == 0 || !seps(&c))
			return 0;
		if ((*d = digits(&c, 2, &na)) < 0)
			return 0;
		ordinal(&c);
		if (!seps(&c) || (*y = digits(&c, 4, &nv)) < 0 || nv != 4)
			return 0;
		return rest_ok(&c, 0);
	}
	if ((a = digits(&c, 8, &na)) < 0)
		return 0;
	if (na == 8) {
		/* YYYYMMDD */
		*y = a / 10000;
		*m = a / 100 % 100;
		*d = a % 100;
		return rest_ok(&c, 1);
	}
	if (na == 4) {
		/* YYYY-MM-DD and friends */
		if (c.p == c.e || (*c.p != '-' && *c.p != '/' && *c.p != '.'))
			return 0;
		sep = *c.p++;
		if ((b = digits(&c, 2, &nb)) < 0 || c.p == c.e ||
		    *c.p++ != sep || (v = digits(&c, 2, &nv)) < 0)
			return 0;
		*y = a;
		*m = b;
		*d = v;
		return rest_ok(&c, 1);
	}
	if (na > 2 || c.p == c.e)
		return 0;
	s = c;
	if (*c.p == '/' || *c.p == '-' || *c.p == '.') {
		sep = *c.p;
		s.p++;
		if (s.p < s.e && isdig(*s.p)) {
			/* DD/MM/YYYY, MM/DD/YYYY, DD/MM/YY */
			if ((b = digits(&s, 2, &nb)) < 0 || s.p == s.e ||
			    *s.p++ != sep || (v = digits(&s, 4, &nv)) < 0 ||
			    (nv != 4 && nv != 2))
				return 0;
			*y = nv == 2 ? pivot(v) : v;
			*d = order == CDATE_MDY ? b : a;
			*m = order == CDATE_MDY ? a : b;
			return rest_ok(&s, 0);
		}
	}
	/* D Mon YYYY */
	*d = a;
	ordinal(&c);
	if (!seps(&c) || (*m = month(&c)) == 0 || !seps(&c))
		return 0;
	if ((v = digits(&c, 4, &nv)) < 0 || (nv != 4 && nv != 2))
		return 0;
	*y = nv == 2 ? pivot(v) : v;
	return rest_ok(&c, 0);
}

size_t
cdate_iso(const char *s, size_t n, int order, char *out, const char **why)
{
	struct cur c;
	const char *dummy;
	int y, m, d;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	while (n > 0 && (s[0] == ' ' || s[0] == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	c.p = s;
	c.e = s + n;
	if (!parse(c, order, &y, &m, &d)) {
		*why = "unrecognised date";
		return 0;
	}
	if (!cdate_valid(y, m, d)) {
		*why = "impossible date";
		return 0;
	}
	out[0] = '0' + y / 1000;
	out[1] = '0' + y / 100 % 10;
	out[2] = '0' + y / 10 % 10;
	out[3] = '0' + y % 10;
	out[4] = '-';
	out[5] = '0' + m / 10;
	out[6] = '0' + m % 10;
	out[7] = '-';
	out[8] = '0' + d / 10;
	out[9] = '0' + d % 10;
	out[10] = '\0';
	return CDATE_LEN;
}
