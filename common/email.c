/* email: plausible e-mail addresses, lower-cased (the rule is in email.h). */
#include <string.h>
#include <strings.h>

#include "common/email.h"
#include "common/utrim.h"

/* Character classes of lower-cased ASCII: local part, domain label. */
#define L	1
#define D	2
static unsigned char cls[256];

static void
init_cls(void)
{
	const char *p;
	int c;

	for (c = 'a'; c <= 'z'; c++)
		cls[c] = L | D;
	for (c = '0'; c <= '9'; c++)
		cls[c] = L | D;
	for (p = "!#$%&'*+/=?^_`{|}~."; *p; p++)
		cls[(unsigned char)*p] = L;
	cls['-'] = L | D;
}

/*
 * Lower-case s[0, n) into out and check it, in one pass; NULL when
 * plausible, else the reason.
 */
static const char *
copy_check(const char *s, size_t n, char *out)
{
	size_t i, at = 0, label = 0, labels = 0;
	int c, prev = '@', seen_at = 0, tld_alpha = 1;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x80)
			return "not ASCII";
		if (c >= 'A' && c <= 'Z')
			c += 32;
		out[i] = c;
		if (!seen_at) {
			if (c == '@') {
				if (i == 0 || i > 64 || prev == '.')
					return "bad local part";
				seen_at = 1;
				at = i;
				label = i + 1;
				tld_alpha = 1;
			} else if (!(cls[c] & L) || (c == '.' &&
			    (prev == '.' || i == 0))) {
				return "bad local part";
			}
			prev = c;
			continue;
		}
		if (c == '.') {
			if (i == label || i - label > 63 || prev == '-')
				return "bad domain";
			labels++;
			label = i + 1;
			tld_alpha = 1;
		} else if (c == '@') {
			return "more than one @";
		} else if (!(cls[c] & D) || (c == '-' && i == label)) {
			return "bad domain";
		} else if (c < 'a') {
			tld_alpha = 0;		/* a digit or '-' */
		}
		prev = c;
	}
	if (!seen_at)
		return "no @";
	if (n - at - 1 > 253 || i == label || i - label > 63 || prev == '-')
		return "bad domain";
	if (labels == 0)
		return "no top-level domain";
	/* the top-level domain: letters, or an A-label */
	if (n - label > 4 && memcmp(out + label, "xn--", 4) == 0)
		return NULL;
	if (n - label < 2 || !tld_alpha)
		return "bad top-level domain";
	return NULL;
}

size_t
email_clean(const char *s, size_t n, char *out, const char **why)
{
	const char *w, *dummy;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	if (cls['a'] == 0)
		init_cls();
	n = utrim(&s, n);
	if (n >= 7 && (s[0] | 0x20) == 'm' &&
	    strncasecmp(s, "mailto:", 7) == 0) {
		s += 7;
		n -= 7;
	}
	if (n == 0 || n > EMAIL_MAX) {
		*why = n == 0 ? "empty" : "too long";
		return 0;
	}
	out[n] = '\0';
	if ((w = copy_check(s, n, out)) != NULL) {
		*why = w;
		out[0] = '\0';
		return 0;
	}
	return n;
}
