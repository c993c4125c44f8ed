/*
 * utrim: trim whitespace, Unicode's included, from both ends of UTF-8 text.
 *
 * Whitespace here is ASCII space, tab, LF, VT, FF and CR, and the Unicode
 * White_Space characters U+0085, U+00A0 (no-break space), U+1680,
 * U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000, plus two
 * invisible characters that spreadsheets leave behind: U+200B (zero width
 * space) and U+FEFF (byte order mark).
 */
#ifndef NDJ_UTRIM_H
#define NDJ_UTRIM_H

#include <stddef.h>

/* Move *p past leading whitespace and return the trimmed length. */
size_t		 utrim(const char **p, size_t n);
/* Length of the whitespace character at p[0, n), or 0. */
size_t		 utrim_space_at(const char *p, size_t n);

#endif
