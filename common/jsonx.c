/* jsonx: an iterative JSON validator that indexes top-level members. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/jsonx.h"
#include "common/utf8.h"
#include "common/xalloc.h"

/* Byte classes inside a string: 0 plain ASCII, else needs a closer look. */
enum { C_PLAIN, C_QUOTE, C_BSLASH, C_CTRL, C_HIGH };
static unsigned char strcls[256];
static unsigned char wsp[256];
static unsigned char typetab[256];	/* a value's type by its first byte */

static void
init_tables(void)
{
	static int done;
	int i;

	if (done)
		return;
	for (i = 0; i < 0x20; i++)
		strcls[i] = C_CTRL;
	for (i = 0x80; i < 0x100; i++)
		strcls[i] = C_HIGH;
	strcls['"'] = C_QUOTE;
	strcls['\\'] = C_BSLASH;
	wsp[' '] = wsp['\t'] = wsp['\n'] = wsp['\r'] = 1;
	for (i = 0; i < 0x100; i++)
		typetab[i] = JX_NUMBER;
	typetab['{'] = JX_OBJECT;
	typetab['['] = JX_ARRAY;
	typetab['"'] = JX_STRING;
	typetab['t'] = JX_TRUE;
	typetab['f'] = JX_FALSE;
	typetab['n'] = JX_NULL;
	done = 1;
}

void
jx_init(struct jx_doc *d)
{
	memset(d, 0, sizeof(*d));
	init_tables();
}

void
jx_free(struct jx_doc *d)
{
	free(d->m);
	memset(d, 0, sizeof(*d));
}

size_t
jx_skip_ws(const char *p, size_t n)
{
	size_t i = 0;

	init_tables();
	while (i < n && wsp[(unsigned char)p[i]])
		i++;
	return i;
}

int
jx_arr_next(const struct jx_val *a, size_t *pos, struct jx_val *v)
{
	struct jx_err e;
	size_t i = *pos ? *pos : 1;	/* past '[' */

	i += jx_skip_ws(a->p + i, a->n - i);
	if (a->p[i] == ',') {
		i++;
		i += jx_skip_ws(a->p + i, a->n - i);
	}
	if (a->p[i] == ']')
		return 0;
	v->p = a->p + i;
	v->n = jx_scan(v->p, a->n - i, &v->type, &e);
	v->flags = memchr(v->p, '\\', v->n) ? JX_ESCAPED : 0;
	*pos = i + v->n;
	return v->n > 0;
}

size_t
jx_utf8_check(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p, *e = s + n;
	size_t k;

	while (s < e) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if ((k = utf8_seq(s, e)) == 0)
			break;
		s += k;
	}
	return s - (const unsigned char *)p;
}

int
jx_utf8_valid(const char *p, size_t n)
{
	return jx_utf8_check(p, n) == n;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * The hot loop of both string scanners, sixteen bytes at a time: past the
 * run of bytes that cannot end or change a string, to the first quote or
 * backslash and, when strict, control character or non-ASCII byte (below
 * 0x20 as a signed char).  Returns with *hit set when it stopped on such a
 * byte; otherwise fewer than sixteen bytes remain, for a byte loop.
 */
static inline const unsigned char *
string_run(const unsigned char *s, const unsigned char *e, int strict,
    int *hit)
{
#ifdef __SSE2__
	while (e - s >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)s);
		__m128i x = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
		int m;

		if (strict)
			x = _mm_or_si128(x, _mm_cmplt_epi8(v,
			    _mm_set1_epi8(0x20)));
		if ((m = _mm_movemask_epi8(x)) != 0) {
			*hit = 1;
			return s + __builtin_ctz((unsigned)m);
		}
		s += 16;
	}
#else
	(void)e;
	(void)strict;
#endif
	*hit = 0;
	return s;
}

/*
 * Scan the string whose opening quote is at *ps; on success leave *ps just
 * past the closing quote and return 0.
 */
static int
scan_string(const unsigned char **ps, const unsigned char *e, unsigned *flags,
    struct jx_err *err, const unsigned char *base)
{
	const unsigned char *s = *ps + 1;
	size_t k;
	int hit;

	for (;;) {
		s = string_run(s, e, 1, &hit);
		if (hit)
			goto special;	/* s is at the byte that ended the run */
		/* Plain ASCII, eight at a time when possible. */
		while (e - s >= 8 && !(strcls[s[0]] | strcls[s[1]] |
		    strcls[s[2]] | strcls[s[3]] | strcls[s[4]] | strcls[s[5]] |
		    strcls[s[6]] | strcls[s[7]]))
			s += 8;
		while (s < e && strcls[*s] == C_PLAIN)
			s++;
		if (s >= e) {
			err->msg = "unterminated string";
			err->off = *ps - base;
			return -1;
		}
special:
		switch (strcls[*s]) {
		case C_QUOTE:
			*ps = s + 1;
			return 0;
		case C_CTRL:
			err->msg = "control character in string";
			err->off = s - base;
			return -1;
		case C_HIGH:
			if ((k = utf8_seq(s, e)) == 0) {
				err->msg = "invalid UTF-8 in string";
				err->off = s - base;
				return -1;
			}
			s += k;
			break;
		case C_BSLASH:
			*flags |= JX_ESCAPED;
			if (e - s < 2)
				goto badesc;
			switch (s[1]) {
			case '"': case '\\': case '/': case 'b': case 'f':
			case 'n': case 'r': case 't':
				s += 2;
				break;
			case 'u':
				if (e - s < 6 || hexval(s[2]) < 0 ||
				    hexval(s[3]) < 0 || hexval(s[4]) < 0 ||
				    hexval(s[5]) < 0)
					goto badesc;
				s += 6;
				break;
			default:
				goto badesc;
			}
			break;
		default:
			s++;
			break;
		}
	}
badesc:
	err->msg = "invalid escape in string";
	err->off = s - base;
	return -1;
}

static int
scan_number(const unsigned char **ps, const unsigned char *e,
    struct jx_err *err, const unsigned char *base)
{
	const unsigned char *s = *ps;

	if (s < e && *s == '-')
		s++;
	if (s < e && *s == '0')
		s++;
	else if (s < e && *s >= '1' && *s <= '9')
		while (s < e && *s >= '0' && *s <= '9')
			s++;
	else
		goto bad;
	if (s < e && *s == '.') {
		s++;
		if (s >= e || *s < '0' || *s > '9')
			goto bad;
		while (s < e && *s >= '0' && *s <= '9')
			s++;
	}
	if (s < e && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < e && (*s == '+' || *s == '-'))
			s++;
		if (s >= e || *s < '0' || *s > '9')
			goto bad;
		while (s < e && *s >= '0' && *s <= '9')
			s++;
	}
	*ps = s;
	return 0;
bad:
	err->msg = "invalid number";
	err->off = (s < e ? s : *ps) - base;
	return -1;
}

static int
scan_literal(const unsigned char **ps, const unsigned char *e,
    const char *lit, size_t n, struct jx_err *err, const unsigned char *base)
{
	if ((size_t)(e - *ps) < n || memcmp(*ps, lit, n) != 0) {
		err->msg = "invalid literal";
		err->off = *ps - base;
		return -1;
	}
	*ps += n;
	return 0;
}

static void
grow_members(struct jx_doc *d)
{
	d->cap = d->cap ? d->cap * 2 : 32;
	d->m = xreallocarray(d->m, d->cap, sizeof(*d->m));
}

/* Once per member of every record: inline, the rare growth out of line. */
static inline void
add_member(struct jx_doc *d, const struct jx_member *m)
{
	if (d->n == d->cap)
		grow_members(d);
	d->m[d->n++] = *m;
}

static inline enum jx_type
type_of(unsigned char c)
{
	return (enum jx_type)typetab[c];
}

#define SKIPWS() while (s < e && wsp[*s]) s++

/*
 * The one scanner behind jx_parse and jx_scan: validates the value at p
 * and, when d is not NULL and the value is an object, records its members.
 */
static size_t
scan(struct jx_doc *d, const char *p, size_t n, enum jx_type *type,
    unsigned *rootflags, struct jx_err *err)
{
	const unsigned char *base = (const unsigned char *)p;
	const unsigned char *s = base, *e = base + n, *vstart = NULL, *kstart;
	unsigned char stack[JX_MAXDEPTH];
	struct jx_member m;
	unsigned flags;
	int depth = 0, pending = 0;

	init_tables();
	memset(&m, 0, sizeof(m));
	if (s >= e) {
		err->msg = "unexpected end of input";
		err->off = 0;
		return 0;
	}
	*type = type_of(*s);
value:
	if (s >= e)
		goto eof;
	if (depth == 1 && d != NULL && stack[0] == '{') {
		vstart = s;
		pending = 1;
	}
	flags = 0;
	switch (*s) {
	case '{':
		if (depth == JX_MAXDEPTH)
			goto deep;
		stack[depth++] = '{';
		s++;
		SKIPWS();
		if (s < e && *s == '}') {
			s++;
			depth--;
			goto after;
		}
		goto key;
	case '[':
		if (depth == JX_MAXDEPTH)
			goto deep;
		stack[depth++] = '[';
		s++;
		SKIPWS();
		if (s < e && *s == ']') {
			s++;
			depth--;
			goto after;
		}
		goto value;
	case '"':
		if (scan_string(&s, e, &flags, err, base) < 0)
			return 0;
		break;
	case 't':
		if (scan_literal(&s, e, "true", 4, err, base) < 0)
			return 0;
		break;
	case 'f':
		if (scan_literal(&s, e, "false", 5, err, base) < 0)
			return 0;
		break;
	case 'n':
		if (scan_literal(&s, e, "null", 4, err, base) < 0)
			return 0;
		break;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (scan_number(&s, e, err, base) < 0)
			return 0;
		break;
	default:
		err->msg = "unexpected character";
		err->off = s - base;
		return 0;
	}
after:
	if (pending && depth == 1) {
		m.val.p = (const char *)vstart;
		m.val.n = s - vstart;
		m.val.type = type_of(*vstart);
		m.val.flags = m.val.type == JX_STRING ? flags : 0;
		add_member(d, &m);
		pending = 0;
	}
	if (depth == 0) {
		*rootflags = flags;
		return s - base;
	}
	SKIPWS();
	if (s >= e)
		goto eof;
	if (stack[depth - 1] == '{') {
		if (*s == ',') {
			s++;
			SKIPWS();
			goto key;
		}
		if (*s == '}') {
			s++;
			depth--;
			goto after;
		}
		err->msg = "expected ',' or '}' in object";
		err->off = s - base;
		return 0;
	}
	if (*s == ',') {
		s++;
		SKIPWS();
		goto value;
	}
	if (*s == ']') {
		s++;
		depth--;
		goto after;
	}
	err->msg = "expected ',' or ']' in array";
	err->off = s - base;
	return 0;
key:
	if (s >= e)
		goto eof;
	if (*s != '"') {
		err->msg = "expected a string key";
		err->off = s - base;
		return 0;
	}
	flags = 0;
	kstart = s;
	if (scan_string(&s, e, &flags, err, base) < 0)
		return 0;
	if (depth == 1) {
		m.key.p = (const char *)kstart;
		m.key.n = s - kstart;
		m.key.type = JX_STRING;
		m.key.flags = flags;
	}
	SKIPWS();
	if (s >= e)
		goto eof;
	if (*s != ':') {
		err->msg = "expected ':' after key";
		err->off = s - base;
		return 0;
	}
	s++;
	SKIPWS();
	goto value;
deep:
	err->msg = "nesting too deep";
	err->off = s - base;
	return 0;
eof:
	err->msg = "unexpected end of input";
	err->off = n;
	return 0;
}

size_t
jx_scan(const char *p, size_t n, enum jx_type *type, struct jx_err *e)
{
	unsigned flags;

	return scan(NULL, p, n, type, &flags, e);
}

int
jx_parse(struct jx_doc *d, const char *p, size_t n, struct jx_err *e)
{
	size_t i, len;
	enum jx_type t;
	unsigned flags = 0;

	d->n = 0;
	d->root.type = JX_NONE;
	i = jx_skip_ws(p, n);
	len = scan(d, p + i, n - i, &t, &flags, e);
	if (len == 0) {
		e->off += i;
		return -1;
	}
	d->root.p = p + i;
	d->root.n = len;
	d->root.type = t;
	d->root.flags = t == JX_STRING ? flags : 0;
	i += len;
	i += jx_skip_ws(p + i, n - i);
	if (i != n) {
		e->msg = "trailing characters after value";
		e->off = i;
		return -1;
	}
	return 0;
}

/*
 * Past the closing quote of the (valid) string whose opening quote is at
 * s; JX_ESCAPED into *flags if it holds a backslash.
 */
static const unsigned char *
skip_string(const unsigned char *s, const unsigned char *e, unsigned *flags)
{
	int hit;

	for (s++; s < e; s++) {
		if ((s = string_run(s, e, 0, &hit)) >= e)
			break;
		if (*s == '"')
			return s + 1;
		if (*s == '\\') {
			*flags |= JX_ESCAPED;
			s++;		/* the escaped byte; \uXXXX: plain hex */
		}
	}
	return e;
}

int
jx_reparse(struct jx_doc *d, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p, *e = s + n;
	const unsigned char *start, *q;
	struct jx_member m;
	unsigned flags;

	init_tables();
	d->n = 0;
	d->root.type = JX_NONE;
	SKIPWS();
	if (s >= e || *s != '{')
		return -1;
	start = s++;
	SKIPWS();
	if (s < e && *s == '}') {
		s++;
		goto done;
	}
	for (;;) {
		if (s >= e || *s != '"')
			return -1;
		flags = 0;
		q = s;
		s = skip_string(s, e, &flags);
		m.key.p = (const char *)q;
		m.key.n = s - q;
		m.key.type = JX_STRING;
		m.key.flags = flags;
		SKIPWS();
		if (s >= e || *s != ':')
			return -1;
		s++;
		SKIPWS();
		if (s >= e || *s == '{' || *s == '[')
			return -1;
		flags = 0;
		q = s;
		if (*s == '"')
			s = skip_string(s, e, &flags);
		else			/* a number or a literal */
			while (s < e && *s != ',' && *s != '}' && !wsp[*s])
				s++;
		m.val.p = (const char *)q;
		m.val.n = s - q;
		m.val.type = type_of(*q);
		m.val.flags = flags;
		add_member(d, &m);
		SKIPWS();
		if (s < e && *s == ',') {
			s++;
			SKIPWS();
			continue;
		}
		if (s < e && *s == '}') {
			s++;
			break;
		}
		return -1;
	}
done:
	d->root.p = (const char *)start;
	d->root.n = s - start;
	d->root.type = JX_OBJECT;
	d->root.flags = 0;
	SKIPWS();
	return s == e ? 0 : -1;
}

int
jx_key_eq_esc(const struct jx_val *key, const char *name, size_t len)
{
	struct outbuf *tmp;
	const char *s;
	size_t n;
	int eq;

	tmp = ob_mem();
	s = jx_str(key, tmp, &n);
	eq = n == len && memcmp(s, name, len) == 0;
	ob_close(tmp);
	return eq;
}

const struct jx_member *
jx_get(const struct jx_doc *d, const char *name, size_t len)
{
	size_t i;

	for (i = d->n; i-- > 0;)
		if (jx_key_eq(&d->m[i].key, name, len))
			return &d->m[i];
	return NULL;
}

static void
put_utf8(struct outbuf *ob, unsigned long cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = 0xc0 | (cp >> 6);
		b[1] = 0x80 | (cp & 0x3f);
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = 0xe0 | (cp >> 12);
		b[1] = 0x80 | ((cp >> 6) & 0x3f);
		b[2] = 0x80 | (cp & 0x3f);
		n = 3;
	} else {
		b[0] = 0xf0 | (cp >> 18);
		b[1] = 0x80 | ((cp >> 12) & 0x3f);
		b[2] = 0x80 | ((cp >> 6) & 0x3f);
		b[3] = 0x80 | (cp & 0x3f);
		n = 4;
	}
	ob_write(ob, b, n);
}

static unsigned long
hex4(const char *s)
{
	return (unsigned long)hexval(s[0]) << 12 | hexval(s[1]) << 8 |
	    hexval(s[2]) << 4 | hexval(s[3]);
}

const char *
jx_str(const struct jx_val *v, struct outbuf *scratch, size_t *len)
{
	const char *s = v->p + 1, *e = v->p + v->n - 1, *run;
	unsigned long cp, lo;

	if (!(v->flags & JX_ESCAPED)) {
		*len = v->n - 2;
		return s;
	}
	ob_truncate(scratch, 0);
	while (s < e) {
		run = s;
		while (s < e && *s != '\\')
			s++;
		ob_write(scratch, run, s - run);
		if (s >= e)
			break;
		switch (s[1]) {
		case 'b': ob_putc(scratch, '\b'); break;
		case 'f': ob_putc(scratch, '\f'); break;
		case 'n': ob_putc(scratch, '\n'); break;
		case 'r': ob_putc(scratch, '\r'); break;
		case 't': ob_putc(scratch, '\t'); break;
		case 'u':
			cp = hex4(s + 2);
			if (cp >= 0xd800 && cp < 0xdc00 && e - s >= 12 &&
			    s[6] == '\\' && s[7] == 'u' &&
			    (lo = hex4(s + 8)) >= 0xdc00 && lo < 0xe000) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				s += 6;
			} else if (cp >= 0xd800 && cp < 0xe000) {
				cp = 0xfffd;	/* lone surrogate */
			}
			put_utf8(scratch, cp);
			s += 6;
			continue;
		default:	/* '"', '\\' and '/' stand for themselves */
			ob_putc(scratch, s[1]);
			break;
		}
		s += 2;
	}
	return ob_data(scratch, len);
}

void
jx_compact(struct outbuf *ob, const char *p, size_t n)
{
	const char *s = p, *e = p + n, *run;

	init_tables();
	while (s < e) {
		run = s;
		while (s < e && !wsp[(unsigned char)*s] && *s != '"')
			s++;
		ob_write(ob, run, s - run);
		if (s >= e)
			break;
		if (*s == '"') {
			/* Copy the string verbatim up to its closing quote. */
			run = s++;
			while (s < e && *s != '"')
				s += *s == '\\' ? 2 : 1;
			s++;
			ob_write(ob, run, s - run);
			continue;
		}
		s++;
	}
}

void
jx_linecol(const char *p, size_t off, long long *line, long long *col)
{
	const char *s = p, *e = p + off, *nl;

	*line = 1;
	while ((nl = memchr(s, '\n', e - s)) != NULL) {
		(*line)++;
		s = nl + 1;
	}
	*col = (e - s) + 1;
}

void
jw_begin(struct jx_writer *w, struct outbuf *ob)
{
	w->ob = ob;
	w->count = 0;
	ob_putc(ob, '{');
}

void
jw_key(struct jx_writer *w, const char *k, size_t n)
{
	if (w->count++)
		ob_putc(w->ob, ',');
	ob_json_str(w->ob, k, n);
	ob_putc(w->ob, ':');
}

void
jw_rawkey(struct jx_writer *w, const char *k, size_t n)
{
	if (w->count++)
		ob_putc(w->ob, ',');
	ob_write(w->ob, k, n);
	ob_putc(w->ob, ':');
}

void
jw_str(struct jx_writer *w, const char *s, size_t n)
{
	ob_json_str(w->ob, s, n);
}

void
jw_raw(struct jx_writer *w, const char *s, size_t n)
{
	ob_write(w->ob, s, n);
}

void
jw_null(struct jx_writer *w)
{
	ob_write(w->ob, "null", 4);
}

void
jw_int(struct jx_writer *w, long long v)
{
	ob_json_int(w->ob, v);
}

void
jw_end(struct jx_writer *w)
{
	ob_putc(w->ob, '}');
}
