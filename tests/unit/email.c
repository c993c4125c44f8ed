/* Unit tests of common/email and common/utrim. */
#include <stdio.h>
#include <string.h>

#include "common/email.h"
#include "common/utrim.h"
#include "tests/unit/unit.h"

static const char *
em(const char *s)
{
	static char out[EMAIL_MAX + 1];

	if (email_clean(s, strlen(s), out, NULL) == 0)
		return NULL;
	return out;
}

static const char *
tr(const char *s)
{
	static char out[256];
	const char *p = s;
	size_t n = utrim(&p, strlen(s));

	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

int
main(void)
{
	static const struct { const char *in, *want; } t[] = {
		{ "zoe83@gmail.net", "zoe83@gmail.net" },
		{ "info@stone-humphreys.com", "info@stone-humphreys.com" },
		{ "Ryan.Steven@Outlook.co.uk", "ryan.steven@outlook.co.uk" },
		{ "  ZOE@EXAMPLE.COM \xc2\xa0", "zoe@example.com" },
		{ "mailto:Zoe@example.com", "zoe@example.com" },
		{ "first.last+tag@sub.example.org",
		    "first.last+tag@sub.example.org" },
		{ "o'brien@example.ie", "o'brien@example.ie" },
		{ "a@b.co", "a@b.co" },
		{ "user@xn--bcher-kva.example", "user@xn--bcher-kva.example" },
		{ "user@example.xn--p1ai", "user@example.xn--p1ai" },
		{ "x_y-z@a-b.c-d.com", "x_y-z@a-b.c-d.com" },
		/* implausible */
		{ "", NULL },
		{ "   ", NULL },
		{ "zoe", NULL },
		{ "zoe@", NULL },
		{ "@example.com", NULL },
		{ "zoe@example", NULL },
		{ "zoe@@example.com", NULL },
		{ "zoe@ex@ample.com", NULL },
		{ "zoe smith@example.com", NULL },
		{ ".zoe@example.com", NULL },
		{ "zoe.@example.com", NULL },
		{ "zo..e@example.com", NULL },
		{ "zoe@example..com", NULL },
		{ "zoe@.example.com", NULL },
		{ "zoe@example.com.", NULL },
		{ "zoe@-example.com", NULL },
		{ "zoe@example-.com", NULL },
		{ "zoe@example.c", NULL },
		{ "zoe@example.c0m", NULL },
		{ "zoe@exa_mple.com", NULL },
		{ "zo\xc3\xab@example.com", NULL },
		{ "\"zoe\"@example.com", NULL },
		{ "zoe@[192.0.2.1]", NULL },
		{ "Zoe <zoe@example.com>", NULL },
		{ "n/a", NULL },
		{ "zoe@example.com,bob@example.com", NULL },
	};
	char big[400];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		CHECK_STR(em(t[i].in), t[i].want);
	/* 64-byte local part is the limit */
	memset(big, 'a', 64);
	strcpy(big + 64, "@example.com");
	CHECK(em(big) != NULL);
	memset(big, 'a', 65);
	strcpy(big + 65, "@example.com");
	CHECK(em(big) == NULL);
	/* 63-byte labels are the limit */
	strcpy(big, "a@");
	memset(big + 2, 'b', 63);
	strcpy(big + 65, ".com");
	CHECK(em(big) != NULL);
	memset(big + 2, 'b', 64);
	strcpy(big + 66, ".com");
	CHECK(em(big) == NULL);

	/* utrim: ASCII and Unicode whitespace at both ends only */
	CHECK_STR(tr("  a b  "), "a b");
	CHECK_STR(tr("\t\r\n a\n"), "a");
	CHECK_STR(tr("\xc2\xa0" "Zoe\xc2\xa0"), "Zoe");
	CHECK_STR(tr("\xc2\xa0\xc2\xa0"), "");
	CHECK_STR(tr(""), "");
	/* em, thin */
	CHECK_STR(tr("\xe2\x80\x83x\xe2\x80\x89"), "x");
	/* U+202F, U+3000 */
	CHECK_STR(tr("\xe2\x80\xaf" "x\xe3\x80\x80"), "x");
	/* BOM, ZWSP */
	CHECK_STR(tr("\xef\xbb\xbfx\xe2\x80\x8b"), "x");
	/* NEL, U+1680 */
	CHECK_STR(tr("\xc2\x85x\xe1\x9a\x80"), "x");
	CHECK_STR(tr("\xe2\x80\xa8x\xe2\x80\xa9\xe2\x81\x9f"), "x");
	/* inside stays */
	CHECK_STR(tr("a\xc2\xa0" "b"), "a\xc2\xa0" "b");
	/* not a space */
	CHECK_STR(tr("caf\xc3\xa9"), "caf\xc3\xa9");
	/* ZWNJ stays */
	CHECK_STR(tr("\xe2\x80\x8c" "x"), "\xe2\x80\x8c" "x");
	/* euro stays */
	CHECK_STR(tr("x\xe2\x82\xac"), "x\xe2\x82\xac");
	CHECK(utrim_space_at("\xc2\xa0", 2) == 2);
	CHECK(utrim_space_at("\xc2", 1) == 0);
	return UNIT_DONE("email");
}
