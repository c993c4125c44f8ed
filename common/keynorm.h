/*
 * keynorm: normalising join keys and identity fields.
 *
 * Folding (ndjson-join --fold) trims leading and trailing white space,
 * collapses every inner run of white space to one ASCII space and maps
 * ASCII A-Z to a-z.  White space is ASCII space, tab, LF, VT, FF, CR and
 * U+00A0 NO-BREAK SPACE.  Every other byte, including all other non-ASCII
 * text, is kept as it is: "É" and "é" stay different, which never merges
 * two keys by mistake but may miss a match that Unicode case folding
 * would find.
 */
#ifndef NDJ_KEYNORM_H
#define NDJ_KEYNORM_H

#include <stddef.h>

#include "common/outbuf.h"

/* Append the folded form of p[0, n) (UTF-8) to ob; returns bytes added. */
size_t		 kn_fold(struct outbuf *ob, const char *p, size_t n);

#endif
