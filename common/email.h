/*
 * email: a plausibility check for e-mail addresses, and their clean form.
 *
 * The clean form is the trimmed address, without a "mailto:" prefix, in
 * lower case.  It is plausible when it is at most 254 bytes of ASCII with
 * exactly one '@', and:
 *  - the local part has 1 to 64 of a-z 0-9 and ! # $ % & ' * + / = ? ^ _
 *    ` { | } ~ . -, and no '.' at either end or twice in a row (RFC 5322
 *    dot-atom; quoted local parts are refused);
 *  - the domain has at least two labels separated by '.', each of 1 to 63
 *    of a-z 0-9 and '-', not starting or ending with '-'; the last label
 *    (top-level domain) has 2 or more letters, or is an "xn--" label.
 * Internationalised addresses must be in their ASCII (punycode) form; IP
 * address literals ("user@[192.0.2.1]") are refused.
 */
#ifndef NDJ_EMAIL_H
#define NDJ_EMAIL_H

#include <stddef.h>

#define EMAIL_MAX	254

/*
 * Write the clean form of s[0, n) to out (EMAIL_MAX + 1 bytes, NUL-
 * terminated) and return its length; or return 0 and point *why (when not
 * NULL) at a static reason.
 */
size_t		 email_clean(const char *s, size_t n, char *out,
		     const char **why);

#endif
