/* snake: key normalisation to snake_case (the rule is in snake.h). */
#include <string.h>

#include "common/snake.h"

enum { C_SEP, C_US, C_LOWER, C_UPPER, C_DIGIT };

/* Latin-1 letters U+00C0 to U+00FF without accents; "" = separator. */
static const char *const latin1[64] = {
	"A", "A", "A", "A", "A", "A", "AE", "C",
	"E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "",
	"O", "U", "U", "U", "U", "Y", "TH", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "th", "y",
};

/* One decoded character: its class and ASCII letters (if any). */
struct ch {
	int		 cls;
	const char	*t;
	size_t		 tn;
	size_t		 len;	/* bytes consumed */
};

static void
next_ch(const unsigned char *p, size_t n, struct ch *c)
{
	static const char digits[] = "0123456789";
	static const char alpha[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	unsigned char b = p[0];
	size_t i;

	c->len = 1;
	c->tn = 0;
	c->t = NULL;
	if (b >= 'a' && b <= 'z') {
		c->cls = C_LOWER;
		c->t = alpha + (b - 'a');
		c->tn = 1;
	} else if (b >= 'A' && b <= 'Z') {
		c->cls = C_UPPER;
		c->t = alpha + 26 + (b - 'A');
		c->tn = 1;
	} else if (b >= '0' && b <= '9') {
		c->cls = C_DIGIT;
		c->t = digits + (b - '0');
		c->tn = 1;
	} else if (b == '_') {
		c->cls = C_US;
	} else if (b < 0x80) {
		c->cls = C_SEP;
	} else {
		/* Skip a whole UTF-8 sequence; a stray byte is one char. */
		for (i = 1; i < n && i < 4 && (p[i] & 0xc0) == 0x80; i++)
			;
		c->len = i;
		c->cls = C_SEP;
		if (b == 0xc3 && i == 2) {
			c->t = latin1[p[1] & 0x3f];
			c->tn = strlen(c->t);
			if (c->tn > 0)
				c->cls = (p[1] & 0x3f) < 0x1f ? C_UPPER :
				    C_LOWER;
		}
	}
}

size_t
snake_case(const char *key, size_t n, char *out)
{
	const unsigned char *p = (const unsigned char *)key;
	struct ch c, nx;
	size_t i = 0, o = 0, k, start, us = 0;
	int prev = C_SEP, sep = 0;

	if (n > 0 && p[0] == '@') {
		memcpy(out, "attr", 4);
		o = 4;
		prev = C_SEP;
		sep = 1;
		i = 1;
	}
	start = o;
	while (i < n && o < SNAKE_MAX) {
		next_ch(p + i, n - i, &c);
		i += c.len;
		if (c.cls == C_SEP || c.cls == C_US) {
			if (c.cls == C_US)
				us++;
			else
				sep = 1;
			prev = C_SEP;
			continue;
		}
		if (o > 0) {
			if (us > 0) {
				for (k = 0; k < us && o < SNAKE_MAX; k++)
					out[o++] = '_';
			} else if (sep) {
				out[o++] = '_';
			} else if (c.cls == C_UPPER && (prev == C_LOWER ||
			    prev == C_DIGIT)) {
				out[o++] = '_';
			} else if (c.cls == C_UPPER && prev == C_UPPER &&
			    i < n) {
				next_ch(p + i, n - i, &nx);
				if (nx.cls == C_LOWER)
					out[o++] = '_';
			}
		}
		us = 0;
		sep = 0;
		/* A leading digit needs a leading '_'. */
		if (o == 0 && c.cls == C_DIGIT)
			out[o++] = '_';
		for (k = 0; k < c.tn && o < SNAKE_MAX; k++) {
			unsigned char l = c.t[k];

			out[o++] = l >= 'A' && l <= 'Z' ? l + 32 : l;
		}
		/* A transliterated pair such as "TH" counts by its last
		 * letter, which is what the next character follows. */
		prev = c.cls;
	}
	while (o > start && out[o - 1] == '_')
		o--;
	if (o == 0)
		out[o++] = '_';
	out[o] = '\0';
	return o;
}

int
snake_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > SNAKE_MAX)
		return 0;
	if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}
