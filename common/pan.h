/*
 * pan: payment card numbers (PANs): the Luhn check, the masked form, a
 * parser for a card field and a finder for PANs hidden in free text.
 *
 * A PAN is written as digits in groups joined by single spaces or dashes
 * ("5458 5159 0155 0239", "5458-5159-0155-0239", "5458515901550239").
 */
#ifndef NDJ_PAN_H
#define NDJ_PAN_H

#include <stddef.h>

#define PAN_MAX		19	/* longest PAN (ISO/IEC 7812) */
#define PAN_FIELD_MIN	12	/* shortest PAN in a card field (Maestro) */
#define PAN_SCAN_MIN	13	/* shortest PAN pan_find looks for */
#define PAN_KEEP_MAX	6	/* most leading digits PCI DSS lets us show */
#define PAN_HIDE_MIN	6	/* fewest digits always masked */

/* 1 when the n digits at d pass the Luhn (mod 10) check. */
int		 pan_luhn(const char *d, size_t n);

/*
 * Parse a card field: optional blanks, digits in groups joined by single
 * spaces or dashes, optional blanks, PAN_FIELD_MIN..PAN_MAX digits in all.
 * The Luhn check is not applied (a mistyped PAN is still a PAN).  Writes
 * the digits to d and returns how many, or 0 when s is not a card number.
 */
size_t		 pan_parse(const char *s, size_t n, char d[PAN_MAX]);

/*
 * Write the masked form of the n digits at d to out (n bytes, no NUL):
 * the first keep digits and the last four stay, every other digit becomes
 * '*'.  keep is lowered so that at least PAN_HIDE_MIN digits are masked.
 */
void		 pan_mask(char *out, const char *d, size_t n, int keep);

struct pan_match {
	size_t	 off, len;	/* the PAN as written in the text */
	size_t	 nd;		/* its digit count */
	char	 d[PAN_MAX];	/* its digits */
};

/*
 * Find the first PAN in s[from, n): a run of consecutive digit groups
 * (single space or dash between groups) holding PAN_SCAN_MIN..PAN_MAX
 * digits that passes the Luhn check.  Groups are tried left to right and
 * the longest passing run from a group wins.  A group of more than
 * PAN_MAX digits is never part of a PAN.  Returns 1 with *m set, or 0.
 */
int		 pan_find(const char *s, size_t n, size_t from,
		     struct pan_match *m);

/*
 * A cheap pre-check for pan_find: 0 when s[0, n) certainly holds no PAN
 * (no stretch of digits, spaces and dashes with PAN_SCAN_MIN digits).
 * It samples every PAN_SCAN_MIN-th byte, so plain text is skipped fast.
 */
int		 pan_maybe(const char *s, size_t n);

#endif
