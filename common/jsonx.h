/*
 * jsonx: a validating, non-allocating JSON reader for NDJSON records, and
 * small helpers to write JSON objects.
 *
 * jx_parse checks one whole JSON text (RFC 8259: grammar, UTF-8, control
 * characters, nesting up to JX_MAXDEPTH) and, when it is an object, indexes
 * its top-level members as slices of the caller's buffer.  Nothing is
 * copied: a filter looks up the few members it cares about, rewrites those,
 * and copies every other member's raw text through untouched.
 */
#ifndef NDJ_JSONX_H
#define NDJ_JSONX_H

#include <stddef.h>
#include <string.h>

#include "common/outbuf.h"

#define JX_MAXDEPTH	1024

enum jx_type {
	JX_NONE, JX_NULL, JX_FALSE, JX_TRUE, JX_NUMBER, JX_STRING, JX_ARRAY,
	JX_OBJECT
};

#define JX_ESCAPED	0x1	/* string holds a backslash escape */

/* A value as a slice of the input; strings include their quotes. */
struct jx_val {
	const char	*p;
	size_t		 n;
	enum jx_type	 type;
	unsigned	 flags;
};

struct jx_member {
	struct jx_val	 key;	/* a JX_STRING, quotes included */
	struct jx_val	 val;
};

struct jx_err {
	size_t		 off;	/* byte offset of the fault in the text */
	const char	*msg;	/* static text, lower case */
};

struct jx_doc {
	struct jx_val	 root;
	struct jx_member *m;	/* top-level members when root is an object */
	size_t		 n, cap;
};

void		 jx_init(struct jx_doc *d);
void		 jx_free(struct jx_doc *d);

/*
 * Parse p[0, n) as exactly one JSON value with optional surrounding
 * whitespace.  Returns 0, or -1 with *e set.  Slices in d borrow p.
 */
int		 jx_parse(struct jx_doc *d, const char *p, size_t n,
		     struct jx_err *e);

/*
 * Validate the single value that starts at p[0] (no leading whitespace)
 * and return its length, or 0 with *e set.  *type gets its type.  Used to
 * walk concatenated values and to check a value without indexing it.
 */
size_t		 jx_scan(const char *p, size_t n, enum jx_type *type,
		     struct jx_err *e);

/*
 * Index again a text that jx_parse accepted before (a record kept in
 * memory): the same members, types and flags, found without validating,
 * for an object whose members are all scalars.  Returns -1 for any other
 * shape (a nested value, not an object): then call jx_parse.  Never for
 * text that was not validated: garbage may then be indexed as members.
 */
int		 jx_reparse(struct jx_doc *d, const char *p, size_t n);

/* Skip JSON whitespace; returns the offset of the first other byte. */
size_t		 jx_skip_ws(const char *p, size_t n);

/*
 * Walk the elements of a validated array value a: *pos starts at 0; each
 * call fills *v (type, and JX_ESCAPED when it holds a backslash) and
 * returns 1, then 0 at the end.
 */
int		 jx_arr_next(const struct jx_val *a, size_t *pos,
		     struct jx_val *v);

/* The last member named name (decoded comparison), or NULL. */
const struct jx_member *jx_get(const struct jx_doc *d, const char *name,
		     size_t len);
/* jx_key_eq for a key with escapes: decodes it first. */
int		 jx_key_eq_esc(const struct jx_val *key, const char *name,
		     size_t len);

/*
 * 1 when the member's key equals name[0, len) once decoded.  Inline: the
 * joins and loaders call it for every member of every record, and most
 * calls end at the length.
 */
static inline int
jx_key_eq(const struct jx_val *key, const char *name, size_t len)
{
	if (key->flags & JX_ESCAPED)
		return jx_key_eq_esc(key, name, len);
	return key->n - 2 == len && memcmp(key->p + 1, name, len) == 0;
}

/*
 * The decoded contents of a validated JX_STRING.  Without escapes this is
 * a slice of the input and nothing is copied; otherwise the text is
 * decoded into scratch (reset first) and borrowed from it.  A lone
 * surrogate escape decodes to U+FFFD.
 */
const char	*jx_str(const struct jx_val *v, struct outbuf *scratch,
		     size_t *len);

/* Write a validated value without insignificant whitespace. */
void		 jx_compact(struct outbuf *ob, const char *p, size_t n);

/* Convert a byte offset in p to a 1-based line and column (in bytes). */
void		 jx_linecol(const char *p, size_t off, long long *line,
		     long long *col);

/* 1 when p[0, n) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int		 jx_utf8_valid(const char *p, size_t n);
/* Offset of the first invalid UTF-8 byte, or n. */
size_t		 jx_utf8_check(const char *p, size_t n);

/*
 * Writing an object member by member: jw_begin, then jw_key + one value
 * writer per member, then jw_end.  Commas are managed here.
 */
struct jx_writer {
	struct outbuf	*ob;
	int		 count;
};

void		 jw_begin(struct jx_writer *w, struct outbuf *ob);
void		 jw_key(struct jx_writer *w, const char *k, size_t n);
/* A key that is already a JSON string literal, quotes included. */
void		 jw_rawkey(struct jx_writer *w, const char *k, size_t n);
void		 jw_str(struct jx_writer *w, const char *s, size_t n);
void		 jw_raw(struct jx_writer *w, const char *s, size_t n);
void		 jw_null(struct jx_writer *w);
void		 jw_int(struct jx_writer *w, long long v);
void		 jw_end(struct jx_writer *w);

#endif
