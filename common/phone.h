/*
 * phone: UK telephone numbers, as people write them, to E.164.
 *
 * phone_e164 reads one value (already trimmed or not):
 *  1. An optional "tel:" prefix (any case) goes, and so does everything
 *     from a ';' on in a tel: URI (RFC 3966 parameters such as ";ext=").
 *  2. An extension at the end goes: a marker "x", "ext", "ext.", "extn",
 *     "extension", "#" or ";ext=" (any case; after a digit, a space or a
 *     ')') and 1 to 10 digits, optionally followed by '#'.
 *  3. What is left may hold only digits, one leading '+' (possibly inside
 *     the first parenthesis: "(+44)" or "+(44)"), and separators: space,
 *     tab, '-', '.', '/', '(', ')', U+00A0, U+2009, U+202F, U+2010 to
 *     U+2015 and U+2212.  Anything else (a letter, a second '+') makes the
 *     value invalid.
 *  4. The digits D are read as libphonenumber's parse(D, "GB") does:
 *     - "+CC" or "00CC" (the UK international prefix, when not followed by
 *       another 0): CC 44 leaves a UK national number; any other country
 *       code keeps its digits as they are (a "(0)" written after the
 *       country code is dropped) and is accepted as +digits when it has
 *       8 to 15 digits in all and does not start with 0.
 *     - "44" without '+': the country code is taken off when the number
 *       is longer than 10 digits, or when the digits that follow (less a
 *       trunk 0) fit GB's general pattern and the whole does not; as
 *       libphonenumber does.
 *     - otherwise D is a national number.
 *  5. A UK national number loses one trunk '0' when the rest is 7, 9 or
 *     more than 10 digits long (libphonenumber's rule).  The result, the
 *     national significant number (NSN), becomes "+44" NSN when it has 9
 *     or 10 digits and does not start with 0.  Every other length is
 *     invalid: shorter ones (local numbers without area code, and the few
 *     7-digit numbers like 0800 1111) and longer ones.
 * For every input that passes steps 1 to 3 and whose NSN has 9 or 10
 * digits the result equals libphonenumber's E.164 format, assigned or not
 * (Ofcom's drama ranges 01632 960xxx and 07700 900xxx included): like
 * is_possible_number, only the length is checked, not the number ranges.
 */
#ifndef NDJ_PHONE_H
#define NDJ_PHONE_H

#include <stddef.h>

#define PHONE_MAX	16	/* "+" and at most 15 digits */

/*
 * Write the E.164 form of s[0, n) to out (PHONE_MAX + 1 bytes, NUL-
 * terminated) and return its length; or return 0 and point *why (when not
 * NULL) at a static reason such as "too short".
 */
size_t		 phone_e164(const char *s, size_t n, char *out,
		     const char **why);

#endif
