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
