/* bqschema: BigQuery JSON schemas and local row checks. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/bqschema.h"
#include "common/diag.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/xalloc.h"

#define MAXDEPTH	16	/* RECORD nesting BigQuery allows (15) + 1 */
#define MAXSCHEMA	(16 * 1024 * 1024)

enum bq_type {
	T_STRING, T_BYTES, T_INTEGER, T_FLOAT, T_NUMERIC, T_BOOLEAN,
	T_TIMESTAMP, T_DATE, T_TIME, T_DATETIME, T_GEOGRAPHY, T_JSON,
	T_RECORD, T_OTHER
};

enum bq_mode { M_NULLABLE, M_REQUIRED, M_REPEATED };

static const struct {
	const char	*name;
	enum bq_type	 type;
} types[] = {
	{ "STRING", T_STRING }, { "BYTES", T_BYTES },
	{ "INTEGER", T_INTEGER }, { "INT64", T_INTEGER },
	{ "FLOAT", T_FLOAT }, { "FLOAT64", T_FLOAT },
	{ "NUMERIC", T_NUMERIC }, { "BIGNUMERIC", T_NUMERIC },
	{ "DECIMAL", T_NUMERIC }, { "BIGDECIMAL", T_NUMERIC },
	{ "BOOLEAN", T_BOOLEAN }, { "BOOL", T_BOOLEAN },
	{ "TIMESTAMP", T_TIMESTAMP }, { "DATE", T_DATE }, { "TIME", T_TIME },
	{ "DATETIME", T_DATETIME }, { "GEOGRAPHY", T_GEOGRAPHY },
	{ "JSON", T_JSON }, { "RECORD", T_RECORD }, { "STRUCT", T_RECORD },
	{ "RANGE", T_OTHER }, { "INTERVAL", T_OTHER },
};

struct field {
	char		*name;
	size_t		 namelen;
	const char	*tname;		/* static, for messages */
	enum bq_type	 type;
	enum bq_mode	 mode;
	struct field	*sub;
	size_t		 nsub;
};

struct bq_schema {
	struct field	*f;
	size_t		 n;
	char		*json;
	size_t		 jsonlen;
};

struct bqs_checker {
	const struct bq_schema *s;
	int		 ignore_unknown;
	struct jx_doc	 doc[MAXDEPTH];
	/* per depth: the member matching each field, or NULL */
	const struct jx_member **hit[MAXDEPTH];
	size_t		 nhit[MAXDEPTH];
	struct outbuf	*scratch;
	char		 path[512];
};

static void
free_fields(struct field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(f[i].name);
		free_fields(f[i].sub, f[i].nsub);
	}
	free(f);
}

static int parse_fields(const struct jx_val *arr, struct field **out,
    size_t *nout, const char *name, int depth);

static int
parse_field(const struct jx_val *v, struct field *f, const char *name,
    int depth)
{
	struct outbuf *sc = ob_mem();
	struct jx_doc d;
	struct jx_err e;
	const struct jx_member *m;
	const char *s;
	size_t n, i;
	int rc = -1;

	jx_init(&d);
	if (v->type != JX_OBJECT || jx_parse(&d, v->p, v->n, &e) != 0) {
		diag_warn(name, 0, "a schema field must be a JSON object");
		goto out;
	}
	if ((m = jx_get(&d, "name", 4)) == NULL || m->val.type != JX_STRING) {
		diag_warn(name, 0, "a schema field lacks a \"name\"");
		goto out;
	}
	s = jx_str(&m->val, sc, &n);
	f->name = xmemdup(s, n);
	f->namelen = n;
	if (n == 0 || n > 300 || !(isalpha((unsigned char)s[0]) ||
	    s[0] == '_')) {
		diag_warn(name, 0, "invalid field name \"%s\"", f->name);
		goto out;
	}
	if ((m = jx_get(&d, "type", 4)) == NULL || m->val.type != JX_STRING) {
		diag_warn(name, 0, "field %s: no \"type\"", f->name);
		goto out;
	}
	s = jx_str(&m->val, sc, &n);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strlen(types[i].name) == n &&
		    strncasecmp(types[i].name, s, n) == 0)
			break;
	if (i == sizeof(types) / sizeof(types[0])) {
		diag_warn(name, 0, "field %s: unknown type \"%.*s\"", f->name,
		    (int)n, s);
		goto out;
	}
	f->type = types[i].type;
	f->tname = types[i].name;
	f->mode = M_NULLABLE;
	if ((m = jx_get(&d, "mode", 4)) != NULL && m->val.type == JX_STRING) {
		s = jx_str(&m->val, sc, &n);
		if (n == 8 && strncasecmp(s, "REQUIRED", 8) == 0)
			f->mode = M_REQUIRED;
		else if (n == 8 && strncasecmp(s, "REPEATED", 8) == 0)
			f->mode = M_REPEATED;
		else if (!(n == 8 && strncasecmp(s, "NULLABLE", 8) == 0)) {
			diag_warn(name, 0, "field %s: unknown mode \"%.*s\"",
			    f->name, (int)n, s);
			goto out;
		}
	}
	if (f->type == T_RECORD) {
		if ((m = jx_get(&d, "fields", 6)) == NULL ||
		    m->val.type != JX_ARRAY) {
			diag_warn(name, 0, "field %s: a RECORD needs "
			    "\"fields\"", f->name);
			goto out;
		}
		if (depth + 1 >= MAXDEPTH - 1) {
			diag_warn(name, 0, "field %s: RECORD nested too deep",
			    f->name);
			goto out;
		}
		if (parse_fields(&m->val, &f->sub, &f->nsub, name,
		    depth + 1) != 0)
			goto out;
	}
	rc = 0;
out:
	jx_free(&d);
	ob_close(sc);
	return rc;
}

static int
parse_fields(const struct jx_val *arr, struct field **out, size_t *nout,
    const char *name, int depth)
{
	struct field *f = NULL;
	struct jx_val v;
	size_t pos = 0, n = 0, i, j;

	while (jx_arr_next(arr, &pos, &v)) {
		f = xreallocarray(f, n + 1, sizeof(*f));
		memset(&f[n], 0, sizeof(*f));
		if (parse_field(&v, &f[n++], name, depth) != 0)
			goto bad;
	}
	if (n == 0) {
		diag_warn(name, 0, "the schema has no fields");
		goto bad;
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcasecmp(f[i].name, f[j].name) == 0) {
				diag_warn(name, 0, "duplicate field name %s",
				    f[i].name);
				goto bad;
			}
	*out = f;
	*nout = n;
	return 0;
bad:
	free_fields(f, n);
	return -1;
}

struct bq_schema *
bqs_parse(const char *text, size_t n, const char *name)
{
	struct bq_schema *s = xcalloc(1, sizeof(*s));
	struct outbuf *ob = NULL;
	struct jx_doc d, d2;
	struct jx_err e;
	const struct jx_member *m;
	struct jx_val arr;
	long long line, col;
	const char *data;

	jx_init(&d);
	jx_init(&d2);
	if (jx_parse(&d, text, n, &e) != 0) {
		jx_linecol(text, e.off, &line, &col);
		diag_warn_at(name, line, col, "invalid JSON schema: %s",
		    e.msg);
		goto bad;
	}
	arr = d.root;
	if (arr.type == JX_OBJECT) {
		m = jx_get(&d, "fields", 6);
		if (m == NULL && (m = jx_get(&d, "schema", 6)) != NULL &&
		    m->val.type == JX_OBJECT &&
		    jx_parse(&d2, m->val.p, m->val.n, &e) == 0)
			m = jx_get(&d2, "fields", 6);
		if (m == NULL) {
			diag_warn(name, 0, "schema object has no \"fields\"");
			goto bad;
		}
		arr = m->val;
	}
	if (arr.type != JX_ARRAY) {
		diag_warn(name, 0, "a schema is a JSON list of fields or "
		    "{\"fields\": [...]}");
		goto bad;
	}
	if (parse_fields(&arr, &s->f, &s->n, name, 0) != 0)
		goto bad;
	ob = ob_mem();
	jx_compact(ob, arr.p, arr.n);
	data = ob_data(ob, &s->jsonlen);
	s->json = xmemdup(data, s->jsonlen);
	ob_close(ob);
	jx_free(&d);
	jx_free(&d2);
	return s;
bad:
	jx_free(&d);
	jx_free(&d2);
	bqs_free(s);
	return NULL;
}

struct bq_schema *
bqs_load(const char *path)
{
	struct bq_schema *s;
	struct lineio *lr;
	struct outbuf *ob;
	const char *p;
	ssize_t n;
	size_t len;

	if ((lr = lr_open(path)) == NULL)
		return NULL;
	ob = ob_mem();
	while ((n = lr_read(lr, &p)) > 0) {
		if (ob_len(ob) + (size_t)n > MAXSCHEMA) {
			diag_warn(path, 0, "schema file over %d bytes",
			    MAXSCHEMA);
			n = -1;
			break;
		}
		ob_write(ob, p, (size_t)n);
	}
	if (lr_close(lr) != 0 || n < 0) {
		ob_close(ob);
		return NULL;
	}
	p = ob_data(ob, &len);
	s = bqs_parse(p, len, path);
	ob_close(ob);
	return s;
}

void
bqs_free(struct bq_schema *s)
{
	if (s == NULL)
		return;
	free_fields(s->f, s->n);
	free(s->json);
	free(s);
}

const char *
bqs_json(const struct bq_schema *s, size_t *n)
{
	*n = s->jsonlen;
	return s->json;
}

size_t
bqs_nfields(const struct bq_schema *s)
{
	return s->n;
}

struct bqs_checker *
bqs_checker_new(const struct bq_schema *s, int ignore_unknown)
{
	struct bqs_checker *c = xcalloc(1, sizeof(*c));
	int i;

	c->s = s;
	c->ignore_unknown = ignore_unknown;
	for (i = 0; i < MAXDEPTH; i++)
		jx_init(&c->doc[i]);
	c->scratch = ob_mem();
	return c;
}

void
bqs_checker_free(struct bqs_checker *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < MAXDEPTH; i++) {
		jx_free(&c->doc[i]);
		free(c->hit[i]);
	}
	ob_close(c->scratch);
	free(c);
}

/* Value checks.  Each returns NULL when fine, else a static reason. */

static int
digits(const char **p, const char *e, int min, int max)
{
	int k = 0;

	while (*p < e && k < max && isdigit((unsigned char)**p)) {
		(*p)++;
		k++;
	}
	return k >= min;
}

static int
num(const char *s, size_t n, int want)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v <= want ? v : -1;
}

/* YYYY-MM-DD (sep '-' or, when slash, also '/'); advances *p. */
static int
date_part(const char **p, const char *e, int slash)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	const char *s = *p, *m, *d;
	int y, mo, da;
	char sep;

	if (!digits(p, e, 4, 4) || *p >= e)
		return 0;
	sep = **p;
	if (sep != '-' && !(slash && sep == '/'))
		return 0;
	(*p)++;
	m = *p;
	if (!digits(p, e, 1, 2) || *p >= e || **p != sep)
		return 0;
	(*p)++;
	d = *p;
	if (!digits(p, e, 1, 2))
		return 0;
	y = num(s, 4, 9999);
	mo = num(m, (size_t)(d - 1 - m), 12);
	da = num(d, (size_t)(*p - d), 31);
	if (mo < 1 || da < 1 || da > mdays[mo - 1])
		return 0;
	if (mo == 2 && da == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return 0;
	return y >= 1;
}

/* hh:mm[:ss[.ffffff]]; advances *p. */
static int
time_part(const char **p, const char *e)
{
	const char *s = *p;

	if (!digits(p, e, 1, 2) || num(s, (size_t)(*p - s), 23) < 0)
		return 0;
	if (*p >= e || **p != ':')
		return 0;
	s = ++*p;
	if (!digits(p, e, 2, 2) || num(s, 2, 59) < 0)
		return 0;
	if (*p < e && **p == ':') {
		s = ++*p;
		if (!digits(p, e, 2, 2) || num(s, 2, 59) < 0)
			return 0;
		if (*p < e && **p == '.') {
			(*p)++;
			if (!digits(p, e, 1, 6))
				return 0;
		}
	}
	return 1;
}

static int
is_date(const char *s, size_t n)
{
	const char *p = s;

	return date_part(&p, s + n, 0) && p == s + n;
}

static int
is_time(const char *s, size_t n)
{
	const char *p = s;

	return time_part(&p, s + n) && p == s + n;
}

static int
is_datetime(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	if (!date_part(&p, e, 0))
		return 0;
	if (p == e)
		return 1;
	if (*p != ' ' && *p != 'T')
		return 0;
	p++;
	return time_part(&p, e) && p == e;
}

static int
is_timestamp(const char *s, size_t n)
{
	const char *p = s, *e = s + n, *z;

	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	while (p < e && isspace((unsigned char)*p))
		p++;
	if (!date_part(&p, e, 1))
		return 0;
	if (p < e && (*p == ' ' || *p == 'T') && p + 1 < e &&
	    isdigit((unsigned char)p[1])) {
		p++;
		if (!time_part(&p, e))
			return 0;
	}
	while (p < e && *p == ' ')
		p++;
	if (p == e)
		return 1;
	if ((e - p == 1 && *p == 'Z') || (e - p == 3 &&
	    memcmp(p, "UTC", 3) == 0))
		return 1;
	if (*p != '+' && *p != '-')
		return 0;
	z = ++p;
	if (!digits(&p, e, 1, 2))
		return 0;
	if (p < e && *p == ':')
		p++;
	if (p < e && !digits(&p, e, 2, 2))
		return 0;
	(void)z;
	return p == e;
}

static int
is_integer(const char *s, size_t n)
{
	char buf[64], *end;
	size_t i = 0;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (n - i == 0 || n - i >= sizeof(buf))
		return 0;
	memcpy(buf, s + i, n - i);
	buf[n - i] = '\0';
	if (!isdigit((unsigned char)buf[buf[0] == '-' || buf[0] == '+']))
		return 0;
	errno = 0;
	(void)strtoll(buf, &end, 10);
	return *end == '\0' && errno == 0;
}

/* A JSON number literal that is integral and fits in INT64. */
static int
number_integral(const char *s, size_t n)
{
	char buf[64], *end;
	double d;

	if (memchr(s, '.', n) == NULL && memchr(s, 'e', n) == NULL &&
	    memchr(s, 'E', n) == NULL)
		return is_integer(s, n);
	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	d = strtod(buf, &end);
	return d == floor(d) && d >= -9223372036854775808.0 &&
	    d < 9223372036854775808.0;
}

static int
is_decimal(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	int k = 0;

	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	while (p < e && isspace((unsigned char)*p))
		p++;
	if (p < e && (*p == '+' || *p == '-'))
		p++;
	while (p < e && isdigit((unsigned char)*p)) {
		p++;
		k++;
	}
	if (p < e && *p == '.') {
		p++;
		while (p < e && isdigit((unsigned char)*p)) {
			p++;
			k++;
		}
	}
	if (k == 0)
		return 0;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (!digits(&p, e, 1, 5))
			return 0;
	}
	return p == e;
}

static int
is_base64(const char *s, size_t n)
{
	size_t i, pad = 0;

	if (n % 4)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '=') {
			if (++pad > 2)
				return 0;
		} else if (pad || !(isalnum((unsigned char)s[i]) ||
		    s[i] == '+' || s[i] == '/')) {
			return 0;
		}
	}
	return 1;
}

static int check_object(struct bqs_checker *c, const struct field *f,
    size_t nf, const char *p, size_t n, int depth, size_t plen,
    char *err, size_t errsz);

static int
fail(struct bqs_checker *c, char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;
	size_t k;

	k = (size_t)snprintf(err, errsz, "%s: ", c->path);
	if (k < errsz) {
		va_start(ap, fmt);
		vsnprintf(err + k, errsz - k, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static const char *
kind(enum jx_type t)
{
	switch (t) {
	case JX_NULL: return "null";
	case JX_TRUE: case JX_FALSE: return "a boolean";
	case JX_NUMBER: return "a number";
	case JX_STRING: return "a string";
	case JX_ARRAY: return "an array";
	case JX_OBJECT: return "an object";
	default: return "nothing";
	}
}

/* One non-null, non-repeated value v against field f. */
static int
check_scalar(struct bqs_checker *c, const struct field *f,
    const struct jx_val *v, int depth, size_t plen, char *err, size_t errsz)
{
	const char *s = NULL;
	size_t n = 0;
	int ok = 0;

	if (v->type == JX_STRING)
		s = jx_str(v, c->scratch, &n);
	switch (f->type) {
	case T_RECORD:
		if (v->type != JX_OBJECT)
			return fail(c, err, errsz, "expected an object for "
			    "RECORD, got %s", kind(v->type));
		return check_object(c, f->sub, f->nsub, v->p, v->n,
		    depth + 1, plen, err, errsz);
	case T_JSON:
	case T_OTHER:
		return 0;
	case T_STRING:
		ok = v->type != JX_OBJECT && v->type != JX_ARRAY;
		break;
	case T_GEOGRAPHY:
		ok = v->type == JX_STRING;
		break;
	case T_BYTES:
		ok = v->type == JX_STRING && is_base64(s, n);
		break;
	case T_INTEGER:
		ok = (v->type == JX_NUMBER && number_integral(v->p, v->n)) ||
		    (v->type == JX_STRING && is_integer(s, n));
		break;
	case T_FLOAT:
		ok = v->type == JX_NUMBER || (v->type == JX_STRING &&
		    (is_decimal(s, n) || (n == 3 && memcmp(s, "NaN", 3) == 0) ||
		    (n == 8 && memcmp(s, "Infinity", 8) == 0) ||
		    (n == 9 && memcmp(s, "-Infinity", 9) == 0)));
		break;
	case T_NUMERIC:
		ok = v->type == JX_NUMBER || (v->type == JX_STRING &&
		    is_decimal(s, n));
		break;
	case T_BOOLEAN:
		ok = v->type == JX_TRUE || v->type == JX_FALSE ||
		    (v->type == JX_STRING && ((n == 4 &&
		    strncasecmp(s, "true", 4) == 0) || (n == 5 &&
		    strncasecmp(s, "false", 5) == 0)));
		break;
	case T_DATE:
		ok = v->type == JX_STRING && is_date(s, n);
		break;
	case T_TIME:
		ok = v->type == JX_STRING && is_time(s, n);
		break;
	case T_DATETIME:
		ok = v->type == JX_STRING && is_datetime(s, n);
		break;
	case T_TIMESTAMP:
		ok = v->type == JX_NUMBER || (v->type == JX_STRING &&
		    is_timestamp(s, n));
		break;
	}
	if (ok)
		return 0;
	if (v->type == JX_STRING)
		return fail(c, err, errsz, "invalid %s value \"%.*s%s\"",
		    f->tname, n > 40 ? 40 : (int)n, s, n > 40 ? "..." : "");
	return fail(c, err, errsz, "invalid %s value: %s", f->tname,
	    kind(v->type));
}

static int
check_value(struct bqs_checker *c, const struct field *f,
    const struct jx_val *v, int depth, size_t plen, char *err, size_t errsz)
{
	struct jx_val e;
	size_t pos = 0;

	if (v == NULL || v->type == JX_NULL) {
		if (f->mode == M_REQUIRED)
			return fail(c, err, errsz, v ? "REQUIRED field is "
			    "null" : "REQUIRED field is missing");
		return 0;
	}
	if (f->mode != M_REPEATED) {
		if (v->type == JX_ARRAY && f->type != T_JSON)
			return fail(c, err, errsz, "array given for a "
			    "non-REPEATED field");
		return check_scalar(c, f, v, depth, plen, err, errsz);
	}
	if (v->type != JX_ARRAY)
		return fail(c, err, errsz, "a REPEATED field needs an array, "
		    "got %s", kind(v->type));
	while (jx_arr_next(v, &pos, &e)) {
		if (e.type == JX_NULL)
			return fail(c, err, errsz, "null inside a REPEATED "
			    "array");
		if (check_scalar(c, f, &e, depth, plen, err, errsz) != 0)
			return -1;
	}
	return 0;
}

/* Append ".name" (or "name" at the top) to the field path. */
static size_t
path_push(struct bqs_checker *c, size_t plen, const char *name, size_t n)
{
	size_t room = sizeof(c->path) - plen - 1;

	if (plen > 0 && room > 0) {
		c->path[plen++] = '.';
		room--;
	}
	if (n > room)
		n = room;
	memcpy(c->path + plen, name, n);
	c->path[plen + n] = '\0';
	return plen + n;
}

static int
check_object(struct bqs_checker *c, const struct field *f, size_t nf,
    const char *p, size_t n, int depth, size_t plen, char *err, size_t errsz)
{
	struct jx_doc *d = &c->doc[depth];
	const struct jx_member *m, **hit;
	struct jx_err e;
	const char *k;
	size_t i, j, kn, sub;

	if (depth >= MAXDEPTH)
		return fail(c, err, errsz, "nested too deep");
	if (jx_parse(d, p, n, &e) != 0) {
		c->path[plen] = '\0';
		snprintf(err, errsz, "invalid JSON: %s", e.msg);
		return -1;
	}
	if (d->root.type != JX_OBJECT) {
		snprintf(err, errsz, "a row must be a JSON object, not %s",
		    kind(d->root.type));
		return -1;
	}
	if (c->nhit[depth] < nf) {
		c->hit[depth] = xreallocarray(c->hit[depth], nf,
		    sizeof(*c->hit[depth]));
		c->nhit[depth] = nf;
	}
	hit = c->hit[depth];
	memset(hit, 0, nf * sizeof(*hit));
	/*
	 * One pass over the members: keys match column names
	 * case-insensitively, as in BigQuery, and the last duplicate wins.
	 */
	for (j = 0; j < d->n; j++) {
		m = &d->m[j];
		if (!(m->key.flags & JX_ESCAPED)) {
			k = m->key.p + 1;
			kn = m->key.n - 2;
		} else {
			k = jx_str(&m->key, c->scratch, &kn);
		}
		for (i = 0; i < nf; i++)
			if (f[i].namelen == kn &&
			    strncasecmp(f[i].name, k, kn) == 0)
				break;
		if (i < nf) {
			hit[i] = m;
		} else if (!c->ignore_unknown) {
			path_push(c, plen, k, kn);
			fail(c, err, errsz, "no such field in the schema "
			    "(--ignore-unknown-values drops it)");
			c->path[plen] = '\0';
			return -1;
		}
	}
	for (i = 0; i < nf; i++) {
		sub = path_push(c, plen, f[i].name, f[i].namelen);
		/* Deeper levels use their own doc and hit arrays. */
		if (check_value(c, &f[i], c->hit[depth][i] ?
		    &c->hit[depth][i]->val : NULL, depth, sub, err, errsz) != 0)
			return -1;
		c->path[plen] = '\0';
	}
	return 0;
}

int
bqs_check(struct bqs_checker *c, const char *line, size_t n, char *err,
    size_t errsz)
{
	c->path[0] = '\0';
	return check_object(c, c->s->f, c->s->n, line, n, 0, 0, err, errsz);
}
