/*
 * snake: field names to snake_case BigQuery column names.
 *
 * The rule, applied to the UTF-8 text of one key:
 *  - A key starting with '@' (an XML attribute from xml2ndjson) gets the
 *    prefix "attr_" and the rest is normalised as below.
 *  - ASCII letters and digits make words.  Latin-1 letters (U+00C0 to
 *    U+00FF) lose their accents first (e -> e, AE -> ae, sharp s -> ss,
 *    thorn -> th); every other character is a separator.
 *  - A new word starts at an upper-case letter that follows a lower-case
 *    letter or a digit (camelCase, address2Line), and at the last upper-case
 *    letter of a run that is followed by a lower-case one (HTTPServer).
 *    Digits never start a word: address2 stays address2.
 *  - Words are joined with one '_' and lower-cased.  Underscores already in
 *    the key are kept as they are (first__name stays first__name), so that
 *    snake_case and flattened names come out unchanged; any other run of
 *    separators becomes one '_'.  Separators at either end vanish.
 *  - A name starting with a digit gets a leading '_'; an empty name is "_".
 *  - Names are cut to SNAKE_MAX bytes (trailing '_' removed after the cut).
 * The result always matches [A-Za-z_][A-Za-z0-9_]{0,299}, and normalising
 * a result again gives the same result.
 */
#ifndef NDJ_SNAKE_H
#define NDJ_SNAKE_H

#include <stddef.h>

#define SNAKE_MAX	300	/* BigQuery's limit on a column name */

/*
 * Write the name for key[0, n) to out, which holds SNAKE_MAX + 1 bytes;
 * NUL-terminate it and return its length (1 to SNAKE_MAX).
 */
size_t		 snake_case(const char *key, size_t n, char *out);
/* 1 when s[0, n) is a valid column name: [A-Za-z_][A-Za-z0-9_]*, <= 300. */
int		 snake_valid(const char *s, size_t n);

#endif
