/*
 * libFuzzer target for common/jsonx: whatever the input, parsing must not
 * crash, and an accepted text must compact to a text that parses again to
 * the same members, with every decoded string valid UTF-8.
 * Run with `make fuzz` (clang).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/jsonx.h"
#include "common/outbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jx_doc d, d2;
	static struct outbuf *ob, *sc;
	struct jx_err e;
	const char *p = (const char *)data, *s, *c;
	size_t i, n, cn;

	if (ob == NULL) {
		jx_init(&d);
		jx_init(&d2);
		ob = ob_mem();
		sc = ob_mem();
	}
	if (jx_parse(&d, p, size, &e) != 0) {
		if (e.off > size)
			abort();
		return 0;
	}
	for (i = 0; i < d.n; i++) {
		if (d.m[i].key.p < p || d.m[i].val.p + d.m[i].val.n > p + size)
			abort();
		s = jx_str(&d.m[i].key, sc, &n);
		if (!jx_utf8_valid(s, n))
			abort();
		if (d.m[i].val.type == JX_STRING) {
			s = jx_str(&d.m[i].val, sc, &n);
			if (!jx_utf8_valid(s, n))
				abort();
		}
	}
	ob_truncate(ob, 0);
	jx_compact(ob, d.root.p, d.root.n);
	c = ob_data(ob, &cn);
	if (cn > d.root.n || jx_parse(&d2, c, cn, &e) != 0 ||
	    d2.n != d.n || d2.root.type != d.root.type)
		abort();
	return 0;
}
