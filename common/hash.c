/* hash: SipHash-2-4, written from the paper's specification; a checksum. */
#include <stdint.h>
#include <string.h>

#include "common/hash.h"

#define ROTL(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND do {							\
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);	\
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;				\
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;				\
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);	\
} while (0)

/* Little-endian load, whatever the host order, so hashes are portable. */
static uint64_t
le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

uint64_t
hash_sip(uint64_t k0, uint64_t k1, const void *data, size_t n)
{
	const unsigned char *p = data, *end = p + (n & ~(size_t)7);
	uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
	uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
	uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
	uint64_t v3 = k1 ^ 0x7465646279746573ULL;
	uint64_t m, b = (uint64_t)n << 56;
	size_t i;

	for (; p < end; p += 8) {
		m = le64(p);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	for (i = 0; i < (n & 7); i++)
		b |= (uint64_t)p[i] << (8 * i);
	v3 ^= b;
	SIPROUND;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

#define FP0	UINT64_C(0xa0761d6478bd642f)
#define FP1	UINT64_C(0xe7037ed1a0b428db)
#define FP2	UINT64_C(0x8ebc6af09c88c6e3)

/* The 128-bit product of a and b, folded to 64 bits. */
static uint64_t
mum(uint64_t a, uint64_t b)
{
	unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

uint64_t
hash_fast(uint64_t seed, const void *data, size_t n)
{
	const unsigned char *p = data;
	unsigned char tail[16];
	uint64_t h = seed ^ mum(seed ^ FP0, (uint64_t)n ^ FP1);
	size_t left = n;

	for (; left >= 16; p += 16, left -= 16)
		h = mum(le64(p) ^ FP1 ^ h, le64(p + 8) ^ FP2);
	memset(tail, 0, sizeof(tail));
	memcpy(tail, p, left);
	h = mum(le64(tail) ^ FP1 ^ h, le64(tail + 8) ^ FP2 ^ (uint64_t)n);
	return mum(h ^ FP0, h ^ FP2);
}
