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

static int
local_char(int c)
{
	return cls[(unsigned char)c] & L;
}

static int
label_char(int c)
{
	return cls[(unsigned char)c] & D;
}

static const char *
check(const char *a, size_t n)
{
	size_t at = n, i, start, len;
	int tld_alpha = 1;

	for (i = 0; i < n; i++) {
		if ((unsigned char)a[i] >= 0x80)
			return "not ASCII";
		if (a[i] == '@') {
			if (at != n)
				return "more than one @";
			at = i;
		}
	}
	if (at == n)
		return "no @";
	if (at == 0 || at > 64)
		return "bad local part";
	if (a[0] == '.' || a[at - 1] == '.')
		return "bad local part";
	for (i = 0; i < at; i++)
		if (!local_char(a[i]) || (a[i] == '.' && a[i + 1] == '.'))
			return "bad local part";
	if (n - at - 1 > 253 || n - at - 1 == 0)
		return "bad domain";
	start = at + 1;
	for (i = start; i <= n; i++) {
		if (i < n && a[i] != '.') {
			if (!label_char(a[i]))
				return "bad domain";
			continue;
		}
		len = i - start;
		if (len == 0 || len > 63 || a[start] == '-' ||
		    a[i - 1] == '-')
			return "bad domain";
		if (i == n) {
			/* the top-level domain */
			if (start == at + 1)
				return "no top-level domain";
			if (len > 4 && strncmp(a + start, "xn--", 4) == 0)
				return NULL;
			for (tld_alpha = 1; start < i; start++)
				if (!(a[start] >= 'a' && a[start] <= 'z'))
					tld_alpha = 0;
			if (len < 2 || !tld_alpha)
				return "bad top-level domain";
			return NULL;
		}
		start = i + 1;
	}
	return NULL;
}

size_t
email_clean(const char *s, size_t n, char *out, const char **why)
{
	const char *w, *dummy;
	size_t i;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	if (cls['a'] == 0)
		init_cls();
	n = utrim(&s, n);
	if (n >= 7 && strncasecmp(s, "mailto:", 7) == 0) {
		s += 7;
		n -= 7;
	}
	if (n == 0 || n > EMAIL_MAX) {
		*why = n == 0 ? "empty" : "too long";
		return 0;
	}
	for (i = 0; i < n; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];
	out[n] = '\0';
	if ((w = check(out, n)) != NULL) {
		*why = w;
		out[0] = '\0';
		return 0;
	}
	return n;
}
