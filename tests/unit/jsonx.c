/* Unit tests of common/jsonx and common/outbuf, plus JSONTestSuite. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/jsonx.h"
#include "common/outbuf.h"
#include "tests/unit/unit.h"

static int
parses(const char *s)
{
	struct jx_doc d;
	struct jx_err e;
	int rc;

	jx_init(&d);
	rc = jx_parse(&d, s, strlen(s), &e);
	jx_free(&d);
	return rc == 0;
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc(len + 1);
	*n = fread(buf, 1, len, f);
	fclose(f);
	return buf;
}

static int
same_val(const struct jx_val *a, const struct jx_val *b)
{
	return a->p == b->p && a->n == b->n && a->type == b->type &&
	    a->flags == b->flags;
}

/*
 * jx_reparse of a text jx_parse accepts: the same index for an object of
 * scalars, -1 for anything else.  Returns 1 when it behaved.
 */
static int
reparse_agrees(const char *p, size_t n)
{
	static struct jx_doc a, b;
	struct jx_err e;
	size_t i;
	int flat, rc;

	if (jx_parse(&a, p, n, &e) != 0)
		return 1;
	flat = a.root.type == JX_OBJECT;
	for (i = 0; flat && i < a.n; i++)
		if (a.m[i].val.type == JX_OBJECT || a.m[i].val.type == JX_ARRAY)
			flat = 0;
	rc = jx_reparse(&b, p, n);
	if (!flat)
		return rc == -1;
	if (rc != 0 || b.n != a.n || !same_val(&a.root, &b.root))
		return 0;
	for (i = 0; i < a.n; i++)
		if (!same_val(&a.m[i].key, &b.m[i].key) ||
		    !same_val(&a.m[i].val, &b.m[i].val))
			return 0;
	return 1;
}

/* Random objects of scalars: escapes, UTF-8, white space, every type. */
static void
reparse_random(void)
{
	static const char *const bits[] = { "a", "\\\"", "\\\\", "\\u00e9",
	    "\xc3\xa9", "\\n", " ", "0123456789abcdef", "\\/", "" };
	static const char *const scalars[] = { "null", "true", "false", "0",
	    "-12.5e+3", "7" };
	static const char *const ws[] = { "", " ", "\t", "\r\n ", "" };
	char buf[4096];
	size_t len;
	int i, k, j, bad = 0;

	srand(7);
	for (i = 0; i < 20000; i++) {
		len = 0;
#define PUT(str) len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s", (str))
		PUT(ws[rand() % 5]);
		PUT("{");
		for (k = rand() % 6; k > 0; k--) {
			PUT(ws[rand() % 5]);
			PUT("\"");
			for (j = rand() % 4; j > 0; j--)
				PUT(bits[rand() % 10]);
			PUT("\"");
			PUT(ws[rand() % 5]);
			PUT(":");
			PUT(ws[rand() % 5]);
			if (rand() % 2) {
				PUT("\"");
				for (j = rand() % 8; j > 0; j--)
					PUT(bits[rand() % 10]);
				PUT("\"");
			} else if (rand() % 10 == 0) {
				PUT("[1,{\"x\":2}]");
			} else {
				PUT(scalars[rand() % 6]);
			}
			PUT(ws[rand() % 5]);
			if (k > 1)
				PUT(",");
		}
		PUT("}");
		PUT(ws[rand() % 5]);
#undef PUT
		if (!reparse_agrees(buf, len))
			bad++;
	}
	CHECK(bad == 0);
}

/* Every y_ file parses, every n_ file does not. */
static void
suite(const char *dir)
{
	struct jx_doc d;
	struct jx_err e;
	struct dirent *de;
	char path[8192], *buf;
	size_t n;
	int ok, seen = 0;
	DIR *dp = opendir(dir);

	if (dp == NULL) {
		fprintf(stderr, "no %s: JSONTestSuite not checked\n", dir);
		unit_fail++;
		return;
	}
	jx_init(&d);
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] != 'y' && de->d_name[0] != 'n')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((buf = slurp(path, &n)) == NULL)
			continue;
		ok = jx_parse(&d, buf, n, &e) == 0;
		if (!reparse_agrees(buf, n)) {
			fprintf(stderr, "FAIL: %s: jx_reparse differs\n",
			    de->d_name);
			unit_fail++;
		}
		if (ok != (de->d_name[0] == 'y')) {
			fprintf(stderr, "FAIL: %s: %s\n", de->d_name,
			    ok ? "accepted" : e.msg);
			unit_fail++;
		} else {
			unit_pass++;
		}
		seen++;
		free(buf);
	}
	closedir(dp);
	jx_free(&d);
	CHECK(seen == 95 + 188);
}

int
main(int argc, char *argv[])
{
	struct jx_doc d;
	struct jx_err e;
	struct outbuf *ob = ob_mem(), *sc = ob_mem();
	const struct jx_member *m;
	const char *s, *top = getenv("TOP");
	char dir[4096];
	size_t n;

	/* Grammar corners. */
	CHECK(parses("{}"));
	CHECK(parses(" [1, -0.5e+3, \"x\", true, false, null] "));
	CHECK(!parses("[][]"));
	CHECK(!parses("{\"a\":1}x"));
	CHECK(!parses("{\"a\" 1}"));
	CHECK(!parses("[01]"));
	CHECK(!parses("[1.]"));
	CHECK(!parses("\"\\x\""));
	CHECK(!parses("\"a\tb\""));
	CHECK(!parses("\"\xc3\x28\""));
	CHECK(!parses("\"\xed\xa0\x80\""));	/* UTF-8 surrogate */
	CHECK(parses("\"\xf0\x9f\x8d\xb0\""));
	CHECK(!parses(""));
	CHECK(!parses("{\"a\":[1,2}"));

	/* Members are indexed as slices. */
	jx_init(&d);
	s = "{\"a\": \"x\\ny\", \"b\" :{\"c\":[1, {}]},\"a\\u0062\":null}";
	CHECK(jx_parse(&d, s, strlen(s), &e) == 0);
	CHECK(d.n == 3);
	CHECK(d.root.type == JX_OBJECT);
	m = jx_get(&d, "b", 1);
	CHECK(m != NULL && m->val.type == JX_OBJECT &&
	    m->val.n == strlen("{\"c\":[1, {}]}"));
	m = jx_get(&d, "ab", 2);
	CHECK(m != NULL && m->val.type == JX_NULL);
	m = jx_get(&d, "a", 1);
	CHECK(m != NULL && (m->val.flags & JX_ESCAPED));
	if (m != NULL) {
		s = jx_str(&m->val, sc, &n);
		CHECK(n == 3 && memcmp(s, "x\ny", 3) == 0);
	}
	CHECK(jx_get(&d, "zz", 2) == NULL);

	/* Decoding: surrogate pairs, lone surrogates. */
	s = "\"\\ud83c\\udf70-\\u00e9-\\ud800\"";
	CHECK(jx_parse(&d, s, strlen(s), &e) == 0);
	s = jx_str(&d.root, sc, &n);
	CHECK_STR(s, "\xf0\x9f\x8d\xb0-\xc3\xa9-\xef\xbf\xbd");

	/* Error offsets and positions. */
	s = "{\"a\":1,\n \"b\":tru}";
	CHECK(jx_parse(&d, s, strlen(s), &e) < 0);
	{
		long long line, col;

		jx_linecol(s, e.off, &line, &col);
		CHECK(line == 2 && col == 6);
	}

	/* Compact keeps strings verbatim. */
	s = " { \"a b\" : [ 1 , \"x \\\" y\" ] } ";
	ob_truncate(ob, 0);
	jx_compact(ob, s, strlen(s));
	CHECK_STR(ob_data(ob, NULL), "{\"a b\":[1,\"x \\\" y\"]}");

	/* The escaper is exact. */
	ob_truncate(ob, 0);
	ob_json_str(ob, "a\"\\\x01\x1f\n\t\x7f\xc3\xa9/", 11);
	CHECK_STR(ob_data(ob, NULL),
	    "\"a\\\"\\\\\\u0001\\u001f\\n\\t\x7f\xc3\xa9/\"");

	/* jx_reparse indexes what jx_parse accepted, the same way. */
#define RA(t) reparse_agrees((t), strlen(t))
	CHECK(RA("{}"));
	CHECK(RA(" { \"a\" : 1 , \"b\":\"x\\\"y\" } "));
	CHECK(RA("{\"a\":[1]}"));
	CHECK(RA("[1]"));
	CHECK(RA("\"s\""));
	CHECK(jx_reparse(&d, "{\"a\":{}}", 8) == -1);
	CHECK(jx_reparse(&d, "{\"k\\\\\":\"v\\\\\"}", 13) == 0 && d.n == 1 &&
	    d.m[0].key.n == 5 && d.m[0].val.n == 5 &&
	    d.m[0].val.flags == JX_ESCAPED);
	reparse_random();

	/* jx_arr_next walks the elements of an array member. */
	{
		static const char t[] = "{\"a\":[ 1 ,\"x\\n\", {\"b\":[2]},[] ,null]}";
		struct jx_val v;
		size_t pos = 0;
		int k = 0;
		static const enum jx_type want[] = { JX_NUMBER, JX_STRING,
		    JX_OBJECT, JX_ARRAY, JX_NULL };
		static const size_t wantn[] = { 1, 5, 9, 2, 4 };

		CHECK(jx_parse(&d, t, strlen(t), &e) == 0 && d.n == 1);
		while (jx_arr_next(&d.m[0].val, &pos, &v)) {
			CHECK(k < 5 && v.type == want[k] && v.n == wantn[k]);
			CHECK((v.flags == JX_ESCAPED) == (k == 1));
			k++;
		}
		CHECK(k == 5);
		pos = 0;
		CHECK(jx_parse(&d, "[ ]", 3, &e) == 0 &&
		    !jx_arr_next(&d.root, &pos, &v));
	}

	/* Deep nesting fails cleanly. */
	{
		char *deep = malloc(200001);

		memset(deep, '[', 200000);
		deep[200000] = '\0';
		CHECK(!parses(deep));
		free(deep);
	}

	snprintf(dir, sizeof(dir), "%s/../shared/conformance/JSONTestSuite/"
	    "test_parsing", top ? top : ".");
	suite(argc > 1 ? argv[1] : dir);

	jx_free(&d);
	ob_close(ob);
	ob_close(sc);
	return UNIT_DONE("jsonx");
}
