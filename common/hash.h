/*
 * hash: SipHash-2-4 (Aumasson and Bernstein), a keyed 64-bit hash.  Used
 * for hash tables (DoS-resistant with a random key) and, with a fixed
 * documented key, for stable identifiers that never change between runs.
 */
#ifndef NDJ_HASH_H
#define NDJ_HASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4 of p[0, n) under the 128-bit key (k0, k1). */
uint64_t	 hash_sip(uint64_t k0, uint64_t k1, const void *p, size_t n);

/*
 * A fast 64-bit checksum of p[0, n) (multiply and fold, after wyhash):
 * several times SipHash's speed on long input, but unkeyed, so only for
 * telling apart data no adversary chooses; never for a table's slots or
 * an identifier.
 */
uint64_t	 hash_fast(uint64_t seed, const void *p, size_t n);

#endif
