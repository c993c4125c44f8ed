/* Unit tests of common/hash (SipHash-2-4 vectors) and common/keynorm. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "common/hash.h"
#include "common/keynorm.h"
#include "common/outbuf.h"
#include "tests/unit/unit.h"

static const char *
fold(const char *s)
{
	static char res[256];
	struct outbuf *ob = ob_mem();
	const char *p;
	size_t n, added;

	added = kn_fold(ob, s, strlen(s));
	p = ob_data(ob, &n);
	CHECK(added == n);
	snprintf(res, sizeof(res), "%.*s", (int)n, p);
	ob_close(ob);
	return res;
}

int
main(void)
{
	/* The reference vectors of the SipHash paper: key 00..0f, message
	 * 00 01 02 ... of length 0, 1, 7, 8 and 15. */
	static const uint64_t want[] = {
		UINT64_C(0x726fdb47dd0e0e31), UINT64_C(0x74f839c593dc67fd),
	};
	uint64_t k0 = UINT64_C(0x0706050403020100);
	uint64_t k1 = UINT64_C(0x0f0e0d0c0b0a0908);
	unsigned char msg[64];
	char big[600];
	size_t i;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (unsigned char)i;
	CHECK(hash_sip(k0, k1, msg, 0) == want[0]);
	CHECK(hash_sip(k0, k1, msg, 1) == want[1]);
	CHECK(hash_sip(k0, k1, msg, 15) == UINT64_C(0xa129ca6149be45e5));
	CHECK(hash_sip(k0, k1, msg, 63) == UINT64_C(0x958a324ceb064572));
	CHECK(hash_sip(k0, k1, "a", 1) != hash_sip(k0, k1, "b", 1));
	/* The checksum: stable, and every byte and the length count. */
	CHECK(hash_fast(k0, msg, 63) == hash_fast(k0, msg, 63));
	CHECK(hash_fast(k0, msg, 63) != hash_fast(k1, msg, 63));
	for (i = 0; i < 40; i++)
		CHECK(hash_fast(k0, msg, i) != hash_fast(k0, msg, i + 1));
	for (i = 0; i < 40; i++) {
		uint64_t h = hash_fast(k0, msg, 40);

		msg[i] ^= 1;
		CHECK(hash_fast(k0, msg, 40) != h);
		msg[i] ^= 1;
	}

	CHECK_STR(fold(""), "");
	CHECK_STR(fold("   "), "");
	CHECK_STR(fold("Smith"), "smith");
	CHECK_STR(fold("  Mary \t Ann  SMITH \r\n"), "mary ann smith");
	CHECK_STR(fold("\xc2\xa0" "Zoe" "\xc2\xa0\xc2\xa0" "X"), "zoe x");
	CHECK_STR(fold("\xc3\x89lodie"), "\xc3\x89lodie");	/* É kept */
	CHECK_STR(fold("\xc3\xa9LODIE"), "\xc3\xa9lodie");
	CHECK_STR(fold("O'Neil-Smith 2"), "o'neil-smith 2");
	CHECK_STR(fold("\xc2"), "\xc2");
	/* Longer than the internal buffer. */
	memset(big, 'A', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	big[300] = ' ';
	big[301] = ' ';
	{
		struct outbuf *ob = ob_mem();
		const char *p;
		size_t n;

		CHECK(kn_fold(ob, big, strlen(big)) == sizeof(big) - 2);
		p = ob_data(ob, &n);
		CHECK(n == sizeof(big) - 2 && p[0] == 'a' && p[300] == ' ' &&
		    p[301] == 'a');
		ob_close(ob);
	}
	return UNIT_DONE("joinkey");
}
