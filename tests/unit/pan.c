/* Unit tests of common/pan: Luhn, card-field parsing, masking, finding. */
#include <stdio.h>
#include <string.h>

#include "common/pan.h"
#include "tests/unit/unit.h"

static const char *
parse(const char *s)
{
	static char buf[PAN_MAX + 1];
	size_t n = pan_parse(s, strlen(s), buf);

	if (n == 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static const char *
mask(const char *d, int keep)
{
	static char buf[PAN_MAX + 1];
	size_t n = strlen(d);

	pan_mask(buf, d, n, keep);
	buf[n] = '\0';
	return buf;
}

/* s with every PAN pan_find finds replaced by "<digits>". */
static const char *
find_all(const char *s)
{
	static char buf[512];
	struct pan_match m;
	size_t at = 0, n = strlen(s), o = 0;

	while (pan_find(s, n, at, &m)) {
		o += snprintf(buf + o, sizeof(buf) - o, "%.*s<%.*s>",
		    (int)(m.off - at), s + at, (int)m.nd, m.d);
		at = m.off + m.len;
	}
	snprintf(buf + o, sizeof(buf) - o, "%s", s + at);
	return buf;
}

int
main(void)
{
	static const struct { const char *in, *want; } finds[] = {
		/* lengths 13..19, all Luhn-valid */
		{ "4222222222222", "<4222222222222>" },
		{ "x 30569309025904 y", "x <30569309025904> y" },
		{ "378282246310005", "<378282246310005>" },
		{ "4111111111111111", "<4111111111111111>" },
		{ "42424242424242426", "<42424242424242426>" },
		{ "424242424242424242", "<424242424242424242>" },
		{ "4867449347917222988", "<4867449347917222988>" },
		/* separators: single spaces or dashes between groups */
		{ "card 4111 1111 1111 1111.", "card <4111111111111111>." },
		{ "card 4111-1111-1111-1111!", "card <4111111111111111>!" },
		{ "3782 822463 10005", "<378282246310005>" },
		{ "a4111111111111111b", "a<4111111111111111>b" },
		/* two spaces, a dot or a slash end a run */
		{ "4111  1111 1111 1111", "4111  1111 1111 1111" },
		{ "4111.1111.1111.1111", "4111.1111.1111.1111" },
		/* Luhn failures stay */
		{ "4111111111111112", "4111111111111112" },
		{ "4111 1111 1111 1112", "4111 1111 1111 1112" },
		/* too short (12: even if Luhn-valid) or too long */
		{ "060476956341", "060476956341" },
		{ "41111111111111111111", "41111111111111111111" },
		{ "411111111111111111111111", "411111111111111111111111" },
		/* a long digit run is a wall: nothing straddles it */
		{ "41111111111111111111 4111111111111111",
		  "41111111111111111111 <4111111111111111>" },
		/* a PAN after a short number in the same run */
		{ "ref 12 4111 1111 1111 1111", "ref 12 <4111111111111111>" },
		{ "0191 4111111111111111", "0191 <4111111111111111>" },
		/* two PANs */
		{ "4111111111111111,5458515901550239",
		  "<4111111111111111>,<5458515901550239>" },
		{ "4111111111111111 5458515901550239",
		  "<4111111111111111> <5458515901550239>" },
		/* a phone number and a date are not PANs */
		{ "+44 191 496 0910 on 2023-02-01",
		  "+44 191 496 0910 on 2023-02-01" },
		{ "", "" },
		{ "-", "-" },
		/* groups of any size count: the leftmost start, longest */
		{ "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2",
		  "1 2 <3456789012345678901> 2" },
	};
	size_t i;
	char longtext[4096];

	/* Luhn */
	CHECK(pan_luhn("79927398713", 11));
	CHECK(!pan_luhn("79927398710", 11));
	CHECK(pan_luhn("4111111111111111", 16));
	CHECK(pan_luhn("5458515901550239", 16));
	CHECK(!pan_luhn("5458515901550238", 16));
	CHECK(pan_luhn("0", 1));
	CHECK(!pan_luhn("", 0));

	/* card fields */
	CHECK_STR(parse("5458 5159 0155 0239"), "5458515901550239");
	CHECK_STR(parse("5458-5159-0155-0239"), "5458515901550239");
	CHECK_STR(parse(" 5458515901550239\t"), "5458515901550239");
	CHECK_STR(parse("060476956341"), "060476956341");
	CHECK_STR(parse("4867449347917222988"), "4867449347917222988");
	CHECK_STR(parse("4111111111111112"), "4111111111111112");
	CHECK_STR(parse("06047695634"), NULL);		/* 11 digits */
	CHECK_STR(parse("48674493479172229881"), NULL);	/* 20 digits */
	CHECK_STR(parse("5458  5159 0155 0239"), NULL);
	CHECK_STR(parse("5458 5159 0155 0239-"), NULL);
	CHECK_STR(parse("-5458515901550239"), NULL);
	CHECK_STR(parse("5458515901550239 visa"), NULL);
	CHECK_STR(parse("5458.5159.0155.0239"), NULL);
	CHECK_STR(parse("1e18"), NULL);
	CHECK_STR(parse(""), NULL);
	CHECK_STR(parse("   "), NULL);

	/* masking, keep-first and its clamp */
	CHECK_STR(mask("5458515901550239", 0), "************0239");
	CHECK_STR(mask("5458515901550239", 6), "545851******0239");
	CHECK_STR(mask("5458515901550239", 1), "5***********0239");
	CHECK_STR(mask("4867449347917222988", 6), "486744*********2988");
	CHECK_STR(mask("4647799633031", 6), "464******3031");
	CHECK_STR(mask("060476956341", 6), "06******6341");
	CHECK_STR(mask("060476956341", 0), "********6341");

	for (i = 0; i < sizeof(finds) / sizeof(finds[0]); i++)
		CHECK_STR(find_all(finds[i].in), finds[i].want);

	/* pan_maybe never says 0 where pan_find finds something */
	for (i = 0; i < sizeof(finds) / sizeof(finds[0]); i++)
		if (strchr(finds[i].want, '<') != NULL)
			CHECK(pan_maybe(finds[i].in, strlen(finds[i].in)));
	CHECK(!pan_maybe("Flat 79J Richard bypass", 23));
	CHECK(!pan_maybe("+441914960841", 13));
	CHECK(!pan_maybe("", 0));
	/* at every offset in a long text, with 13 digits exactly */
	for (i = 0; i < 40; i++) {
		memset(longtext, 'x', 80);
		memcpy(longtext + i, "4222222222222", 13);
		CHECK(pan_maybe(longtext, 80));
		CHECK(pan_maybe(longtext + i, 13));
		CHECK(!pan_maybe(longtext + i, 12));
		memcpy(longtext + i, "4222 2222-22222", 15);
		CHECK(pan_maybe(longtext, 80));
	}
	return UNIT_DONE("pan");
}
