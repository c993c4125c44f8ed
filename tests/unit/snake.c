/* Unit tests of common/snake: key normalisation to snake_case. */
#include <stdio.h>
#include <string.h>

#include "common/snake.h"
#include "tests/unit/unit.h"

static const char *
sc(const char *key)
{
	static char out[SNAKE_MAX + 1];

	snake_case(key, strlen(key), out);
	return out;
}

int
main(void)
{
	static const struct { const char *in, *want; } t[] = {
		/* the issue's examples */
		{ "FirstName", "first_name" },
		{ "PhoneNo", "phone_no" },
		{ "CVV", "cvv" },
		{ "customerID", "customer_id" },
		{ "HTTPServer", "http_server" },
		{ "Postal Code", "postal_code" },
		{ "address2", "address2" },
		/* PascalCase, camelCase, acronyms */
		{ "BillingAddress", "billing_address" },
		{ "firstName", "first_name" },
		{ "getHTTPResponseCode", "get_http_response_code" },
		{ "ID", "id" },
		{ "Id", "id" },
		{ "userId", "user_id" },
		{ "ABCd", "ab_cd" },
		{ "iPhone", "i_phone" },
		{ "XMLHttpRequest", "xml_http_request" },
		{ "already_snake", "already_snake" },
		{ "lower", "lower" },
		{ "UPPER_CASE", "upper_case" },
		{ "First_Name", "first_name" },
		/* digits */
		{ "address2Line", "address2_line" },
		{ "Address2", "address2" },
		{ "HTTP2Server", "http2_server" },
		{ "MP3Player", "mp3_player" },
		{ "ipv4Address", "ipv4_address" },
		{ "x86_64", "x86_64" },
		{ "sha256sum", "sha256sum" },
		{ "2ndLine", "_2nd_line" },
		{ "123", "_123" },
		{ "1", "_1" },
		/* spaces, hyphens, dots and other separators */
		{ "postal-code", "postal_code" },
		{ "e-mail", "e_mail" },
		{ "Billing.Address.Street", "billing_address_street" },
		{ "  padded  key ", "padded_key" },
		{ "a - b", "a_b" },
		{ "a/b\\c:d", "a_b_c_d" },
		{ "Date of Birth (UK)", "date_of_birth_uk" },
		{ "% complete", "complete" },
		{ "a\tb", "a_b" },
		/* underscores are kept, so the rule is idempotent */
		{ "billing_address__street", "billing_address__street" },
		{ "first__name", "first__name" },
		{ "_id", "id" },
		{ "__v", "v" },
		{ "name_", "name" },
		{ "a_ b", "a_b" },
		{ "_2nd_line", "_2nd_line" },
		/* XML attributes from xml2ndjson */
		{ "@id", "attr_id" },
		{ "@xml:lang", "attr_xml_lang" },
		{ "@CurrencyCode", "attr_currency_code" },
		{ "@", "attr" },
		{ "@2x", "attr_2x" },
		{ "a@b", "a_b" },
		/* non-ASCII */
		{ "Pr\xc3\xa9nom", "prenom" },
		{ "Stra\xc3\x9f" "e", "strasse" },
		{ "\xc3\x89tat", "etat" },
		{ "\xc3\x86sir", "aesir" },
		{ "na\xc3\xafve" "Caf\xc3\xa9", "naive_cafe" },
		{ "\xc3\x9eorn", "thorn" },
		{ "price\xe2\x82\xac", "price" },
		{ "\xe5\x90\x8d\xe5\x89\x8d", "_" },
		{ "a\xe5\x90\x8d" "b", "a_b" },
		{ "x\xc3\x97y", "x_y" },
		{ "no\xc2\xa0" "break", "no_break" },
		/* degenerate */
		{ "", "_" },
		{ "_", "_" },
		{ "!!!", "_" },
		{ "  ", "_" },
	};
	char big[1000], out[SNAKE_MAX + 1], again[SNAKE_MAX + 1];
	size_t i, n;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		CHECK_STR(sc(t[i].in), t[i].want);
		/* every result is valid and a fixed point */
		n = snake_case(t[i].in, strlen(t[i].in), out);
		CHECK(snake_valid(out, n));
		snake_case(out, n, again);
		CHECK_STR(again, out);
	}

	/* long names are cut to 300 bytes, without a trailing '_' */
	memset(big, 'a', sizeof(big));
	n = snake_case(big, sizeof(big), out);
	CHECK(n == SNAKE_MAX);
	CHECK(snake_valid(out, n));
	memset(big, 'a', 299);
	big[299] = ' ';
	big[300] = 'b';
	n = snake_case(big, 301, out);
	CHECK(n == 299);
	CHECK(out[298] == 'a');
	for (i = 0; i < 500; i++)
		big[i] = i % 2 ? 'B' : 'a';
	n = snake_case(big, 500, out);
	CHECK(n <= SNAKE_MAX && snake_valid(out, n) && out[n - 1] != '_');

	/* snake_valid */
	CHECK(snake_valid("a", 1));
	CHECK(snake_valid("_1", 2));
	CHECK(snake_valid("Phone_Number2", 13));
	CHECK(!snake_valid("", 0));
	CHECK(!snake_valid("1a", 2));
	CHECK(!snake_valid("a-b", 3));
	CHECK(!snake_valid("a b", 3));
	CHECK(!snake_valid(big, 301));
	return UNIT_DONE("snake");
}
