/* json2ndjson: a JSON array, JSON values or a jq program's output as NDJSON. */
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jq.h>
#include <jv.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/rejects.h"
#include "common/xalloc.h"

enum { OPT_ANY = 256, OPT_MAXREC, OPT_REJECTS };	/* long only */

#define MAXREC_DEFAULT	((size_t)64 * 1024 * 1024)
#define MAXREC_JQ	((size_t)1024 * 1024 * 1024)	/* a whole document */

#define HELP_OPTIONS \
"Convert a JSON array (one element per line), concatenated JSON values or\n" \
"NDJSON, or the output of a jq program, to compact NDJSON objects.\n" \
"\n" \
"  -e, --select PROGRAM  run the jq PROGRAM on each input value, write its\n" \
"                        outputs (e.g. '.data.customers[]')\n" \
"      --any             let values other than objects through\n" \
"      --max-record SIZE cap on one value held in memory (default 64M,\n" \
"                        or 1G with -e)\n" \
"      --rejects FILE    write non-object values to FILE as NDJSON\n" \
"  -u, --unbuffered      flush after every output line\n" \
"  -h, --help            show this help\n" \
"  -V, --version         show the version\n"

/*
 * Where the reader stands between values.  A value that starts in a block
 * and ends in it is checked and written straight from the block; one that
 * crosses a block boundary is gathered (S_VALUE) into conv.buf first.
 */
enum state {
	S_START,	/* nothing but a BOM and whitespace so far */
	S_ARR_FIRST,	/* after '[': ']' or the first element */
	S_ARR_NEXT,	/* after ',': an element */
	S_ARR_AFTER,	/* after an element: ',' or ']' */
	S_ARR_END,	/* after the closing ']': whitespace only */
	S_VALUES,	/* between concatenated values */
	S_VALUE,	/* gathering a value that spans blocks */
	S_STOP		/* after an error in this input: ignore the rest */
};

struct conv {
	/* the whole run */
	struct outbuf	*out;
	struct rejects	*rej;
	jq_state	*jq;
	int		 any;
	int		 halted;	/* the jq program called halt */
	size_t		 maxrec;
	char		*cbuf;		/* compaction scratch (see compact()) */
	char		*buf;		/* the value being gathered */
	size_t		 len, cap;
	/* one input */
	const char	*name;
	int		 status;
	enum state	 state;
	enum state	 after;		/* the state once a value ends */
	int		 nl;		/* a newline since the last value */
	/* the boundary scanner for a gathered value */
	int		 scalar;
	long		 depth;
	int		 instr, esc;
	long long	 vline, vcol;	/* where the value starts */
	/* positions: newlines are counted lazily in the current block */
	const char	*blk;
	size_t		 counted;	/* blk[0, counted) is counted */
	long long	 boff;		/* input offset of blk[0] */
	long long	 line, lstart;	/* current line, offset of its start */
};

static unsigned char wsp[256];		/* JSON whitespace */
static unsigned char tokch[256];	/* may continue a number or literal */

static void
init_tables(void)
{
	const char *s;

	wsp[' '] = wsp['\t'] = wsp['\n'] = wsp['\r'] = 1;
	for (s = "0123456789+-.abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"; *s != '\0'; s++)
		tokch[(unsigned char)*s] = 1;
}

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: json2ndjson [-u] [-e program] [--any] [--max-record size]"
	    "\n                   [--rejects file] [file ...]\n", fp);
	fputs(status ? "Try 'json2ndjson --help' for more information.\n" :
	    HELP_OPTIONS, fp);
	exit(status);
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL
/* High bit set in each byte of w that is zero (exact: no carries). */
#define ZEROS(w) (~((((w) & ~HIGHS) + ~HIGHS) | (w)) & HIGHS)
/* Index in memory order of the first byte flagged in a ZEROS() mask. */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define FIRST_BYTE(m) (__builtin_clzll(m) / 8)
#else
#define FIRST_BYTE(m) (__builtin_ctzll(m) / 8)
#endif

/* Number of '\n' in p[0, n): eight bytes a step, summed in byte lanes. */
static long long
count_nl(const char *p, size_t n)
{
	long long total = 0;
	uint64_t w, acc;
	size_t i = 0;
	int k;

	while (n - i >= 8) {
		acc = 0;
		/* 31 steps at most, so that the eight lanes sum below 256. */
		for (k = 0; k < 31 && n - i >= 8; k++, i += 8) {
			memcpy(&w, p + i, 8);
			w ^= ONES * '\n';
			acc += ZEROS(w) >> 7;
		}
		total += (acc * ONES) >> 56;
	}
	for (; i < n; i++)
		total += p[i] == '\n';
	return total;
}

/* The option getopt just refused, then usage. */
static _Noreturn void
bad_option(const char *what, char *argv[])
{
	if (optopt != 0 && optopt < OPT_ANY && argv[optind - 1][1] != '-')
		diag_msg("%s: -%c", what, optopt);
	else
		diag_msg("%s: %s", what, argv[optind - 1]);
	usage(STATUS_USAGE);
}

/*
 * Line and column (1-based, in bytes) of blk[k].  Newlines are counted from
 * where the last call stopped, so k must not go back within a block.
 */
static void
where(struct conv *c, size_t k, long long *line, long long *col)
{
	long long nls;
	size_t j;

	if (c->counted < k) {
		nls = count_nl(c->blk + c->counted, k - c->counted);
		if (nls > 0) {
			c->line += nls;
			for (j = k; c->blk[j - 1] != '\n'; j--)
				;
			c->lstart = c->boff + j;
		}
		c->counted = k;
	}
	*line = c->line;
	*col = c->boff + k - c->lstart + 1;
}

/* Report invalid JSON at blk[k]; the rest of this input is skipped. */
static void
bad_at(struct conv *c, size_t k, const char *msg)
{
	long long line, col;

	where(c, k, &line, &col);
	diag_warn_at(c->name, line, col, "%s", msg);
	c->status = STATUS_FAIL;
	c->state = S_STOP;
}

/* Report invalid JSON at p[off] in a value p that starts at line:col. */
static void
bad_in(struct conv *c, const char *p, size_t off, long long line,
    long long col, const char *msg)
{
	long long l, cl;

	jx_linecol(p, off, &l, &cl);
	if (l == 1)
		cl += col - 1;
	diag_warn_at(c->name, line + l - 1, cl, "%s", msg);
	c->status = STATUS_FAIL;
	c->state = S_STOP;
}

static const char *
type_name(enum jx_type t)
{
	switch (t) {
	case JX_ARRAY: return "an array";
	case JX_STRING: return "a string";
	case JX_NUMBER: return "a number";
	case JX_TRUE: case JX_FALSE: return "a boolean";
	case JX_NULL: return "null";
	default: return "an object";
	}
}

/* A value that is not an object: reject it, or warn (exit 1 later). */
static void
not_object(struct conv *c, const char *p, size_t n, const char *what,
    long long line, long long col)
{
	char msg[64];

	snprintf(msg, sizeof(msg), "value is %s, not an object", what);
	if (c->rej != NULL) {
		rej_write(c->rej, c->name, line, msg, p, n);
		return;
	}
	diag_warn_at(c->name, line, col, "%s", msg);
	c->status = STATUS_FAIL;
}

/* libjq's allocation failures end the run like xmalloc's (STYLE.md 5). */
static void
nomem(void *data)
{
	diag_fatal(STATUS_FAIL, "out of memory");
}

/* libjq's compile errors, with our program name; consumes msg. */
static void
jq_message(void *data, jv msg)
{
	if (jv_get_kind(msg) != JV_KIND_STRING)
		msg = jv_dump_string(msg, 0);
	diag_msg("%s", jv_string_value(msg));
	jv_free(msg);
}

static const char *
kind_name(jv_kind k)
{
	switch (k) {
	case JV_KIND_ARRAY: return "an array";
	case JV_KIND_STRING: return "a string";
	case JV_KIND_NUMBER: return "a number";
	case JV_KIND_TRUE: case JV_KIND_FALSE: return "a boolean";
	case JV_KIND_NULL: return "null";
	default: return "an object";
	}
}

/* After halt or halt_error: report like jq does, then stop every input. */
static void
jq_halt_status(struct conv *c)
{
	jv code = jq_get_exit_code(c->jq), msg = jq_get_error_message(c->jq);
	const char *text;
	size_t n;

	if (jv_is_valid(msg) && jv_get_kind(msg) != JV_KIND_NULL) {
		if (jv_get_kind(msg) != JV_KIND_STRING)
			msg = jv_dump_string(msg, 0);
		text = jv_string_value(msg);
		n = strlen(text);
		if (n > 0 && text[n - 1] == '\n')	/* halt_error's habit */
			n--;
		diag_warn(c->name, 0, "jq error: %.*s", (int)n, text);
	}
	if (jv_get_kind(code) == JV_KIND_NUMBER && jv_number_value(code) != 0)
		c->status = STATUS_FAIL;
	jv_free(code);
	jv_free(msg);
	c->halted = 1;
	c->state = S_STOP;
}

/* Run the jq program on one validated value; write each output. */
static void
run_jq(struct conv *c, const char *p, size_t n, long long line,
    long long col)
{
	jv v, r, s, msg;
	jv_kind k;
	const char *text, *cut;

	if (n > INT_MAX) {
		diag_warn_at(c->name, line, col, "value too large for jq");
		c->status = STATUS_FAIL;
		return;
	}
	v = jv_parse_sized(p, (int)n);
	if (!jv_is_valid(v)) {
		/* Only its depth limit, the input being valid already. */
		msg = jv_invalid_get_msg(v);
		text = jv_get_kind(msg) == JV_KIND_STRING ?
		    jv_string_value(msg) : "cannot parse";
		/* Its position is within the value: ours is better. */
		if ((cut = strstr(text, " at line ")) == NULL)
			cut = strstr(text, " (while parsing");
		diag_warn_at(c->name, line, col, "jq: %.*s",
		    cut ? (int)(cut - text) : (int)strlen(text), text);
		jv_free(msg);
		c->status = STATUS_FAIL;
		return;
	}
	jq_start(c->jq, v, 0);
	while (jv_is_valid(r = jq_next(c->jq))) {
		k = jv_get_kind(r);
		s = jv_dump_string(r, 0);
		text = jv_string_value(s);
		if (k == JV_KIND_OBJECT || c->any) {
			ob_write(c->out, text, strlen(text));
			ob_end_record(c->out);
		} else {
			not_object(c, text, strlen(text), kind_name(k),
			    line, col);
		}
		jv_free(s);
	}
	if (jv_invalid_has_msg(jv_copy(r))) {
		msg = jv_invalid_get_msg(r);
		if (jv_get_kind(msg) != JV_KIND_STRING)
			msg = jv_dump_string(msg, 0);
		diag_warn(c->name, 0, "jq error: %s", jv_string_value(msg));
		jv_free(msg);
		c->status = STATUS_FAIL;
	} else {
		jv_free(r);
	}
	if (jq_halted(c->jq))
		jq_halt_status(c);
}

#define CBUF	(64 * 1024)		/* compaction scratch, plus slack */

/*
 * Write the valid value p[0, n) without its insignificant whitespace.  It
 * is compacted into a scratch buffer, written out in one piece per 64 KiB:
 * strings are copied eight bytes at a time (the slack absorbs the
 * overshoot) up to their next quote or backslash.
 */
static void
compact(struct conv *c, const char *p, size_t n)
{
	const char *s = p, *e = p + n;
	char *d = c->cbuf, *dend = c->cbuf + CBUF;
	uint64_t w, m;
	size_t k;

	while (s < e) {
		if (d >= dend) {
			ob_write(c->out, c->cbuf, d - c->cbuf);
			d = c->cbuf;
		}
		if (*s != '"') {
			*d = *s++;
			d += !wsp[(unsigned char)*d];
			continue;
		}
		*d++ = *s++;
		for (;;) {	/* inside a string: it ends in p (valid) */
			if (d >= dend) {
				ob_write(c->out, c->cbuf, d - c->cbuf);
				d = c->cbuf;
			}
			if (e - s >= 8) {
				memcpy(&w, s, 8);
				memcpy(d, &w, 8);
				m = ZEROS(w ^ (ONES * '"')) |
				    ZEROS(w ^ (ONES * '\\'));
				if (m == 0) {
					s += 8;
					d += 8;
					continue;
				}
				k = FIRST_BYTE(m);
				s += k;
				d += k;
			} else {
				while (s < e && *s != '"' && *s != '\\')
					*d++ = *s++;
				if (s >= e)
					break;
			}
			if (*s == '"') {
				*d++ = *s++;
				break;
			}
			*d++ = *s++;		/* a backslash and what it escapes */
			*d++ = *s++;
		}
	}
	ob_write(c->out, c->cbuf, d - c->cbuf);
}

/* A whole valid value p[0, n) of type t: write it, or turn it away. */
static void
put(struct conv *c, const char *p, size_t n, enum jx_type t,
    long long line, long long col)
{
	if (c->jq != NULL)
		run_jq(c, p, n, line, col);
	else if (t == JX_OBJECT || c->any) {
		compact(c, p, n);
		ob_end_record(c->out);
	} else
		not_object(c, p, n, type_name(t), line, col);
}

/* Check a gathered value p[0, n) that starts at vline:vcol, then put it. */
static void
finish(struct conv *c, const char *p, size_t n)
{
	struct jx_err e;
	enum jx_type t;
	size_t len;

	len = jx_scan(p, n, &t, &e);
	if (len == 0) {
		bad_in(c, p, e.off, c->vline, c->vcol, e.msg);
		return;
	}
	if (len < n) {		/* a scalar token such as "12x" */
		bad_in(c, p, len, c->vline, c->vcol,
		    c->after == S_ARR_AFTER ? "expected ',' or ']' in array" :
		    "unexpected character after value");
		return;
	}
	c->state = c->after;
	c->nl = 0;
	put(c, p, n, t, c->vline, c->vcol);
}

/* Offset of the first '"' or '\\' in p[i, n), or n; eight bytes a step. */
static size_t
skip_string(const char *p, size_t i, size_t n)
{
	uint64_t w, q, b;

	while (n - i >= 8) {
		memcpy(&w, p + i, 8);
		q = w ^ (ONES * '"');
		b = w ^ (ONES * '\\');
		if ((ZEROS(q) | ZEROS(b)) != 0)
			break;
		i += 8;
	}
	while (i < n && p[i] != '"' && p[i] != '\\')
		i++;
	return i;
}

/*
 * The boundary scanner: how much of p[0, n) belongs to the value being
 * gathered; *done is set when the value ends there.  It tracks only depth,
 * strings and escapes; jx_scan checks the whole value afterwards, so an
 * invalid value is still reported at its first fault.
 */
static size_t
boundary(struct conv *c, const char *p, size_t n, int *done)
{
	size_t i = 0;

	*done = 0;
	if (c->scalar) {
		if (c->len == 0)	/* the first byte, whatever it is */
			i = 1;
		while (i < n && tokch[(unsigned char)p[i]])
			i++;
		*done = i < n;
		return i;
	}
	if (c->esc && n > 0) {
		c->esc = 0;
		i = 1;
	}
	while (i < n) {
		if (c->instr) {
			i = skip_string(p, i, n);
			if (i == n)
				break;
			if (p[i] == '\\') {
				if (i + 1 == n)
					c->esc = 1;
				i += 2;
				continue;
			}
			c->instr = 0;
			i++;
			if (c->depth == 0) {	/* the value was a string */
				*done = 1;
				return i;
			}
			continue;
		}
		switch (p[i++]) {
		case '"':
			c->instr = 1;
			break;
		case '[': case '{':
			c->depth++;
			break;
		case ']': case '}':
			if (--c->depth <= 0) {
				*done = 1;
				return i;
			}
			break;
		}
	}
	return n < i ? n : i;
}

/* The value at vline:vcol is over the cap: give up on this input. */
static void
too_long(struct conv *c)
{
	diag_warn_at(c->name, c->vline, c->vcol,
	    "value longer than %zu bytes (see --max-record)", c->maxrec);
	c->status = STATUS_FAIL;
	c->state = S_STOP;
}

/* Gather from the block at k; returns the new block offset. */
static size_t
gather(struct conv *c, size_t k, size_t n)
{
	const char *p = c->blk + k;
	size_t m;
	int done;

	m = boundary(c, p, n - k, &done);
	if (done && c->len == 0) {	/* it never left this block */
		finish(c, p, m);
		return k + m;
	}
	if (m > c->maxrec - c->len) {
		too_long(c);
		return n;
	}
	if (c->len + m > c->cap) {
		while (c->len + m > c->cap)
			c->cap = c->cap ? c->cap * 2 : 64 * 1024;
		c->buf = xrealloc(c->buf, c->cap);
	}
	memcpy(c->buf + c->len, p, m);
	c->len += m;
	if (done)
		finish(c, c->buf, c->len);
	return k + m;
}

/*
 * A value starts at blk[k].  Usually it ends in this block: jx_scan checks
 * it in place and it is written from there.  A number that reaches the end
 * of the block may go on in the next one, and a failure may only mean the
 * value is cut, so both are left to the gathering path.
 */
static size_t
start_value(struct conv *c, size_t k, size_t n)
{
	const char *p = c->blk + k;
	struct jx_err e;
	enum jx_type t;
	long long line = 0, col = 0;
	size_t len;

	len = jx_scan(p, n - k, &t, &e);
	if (len > 0 && k + len < n && t != JX_OBJECT && t != JX_ARRAY &&
	    t != JX_STRING && tokch[(unsigned char)p[len]]) {
		/* "12x", "truex": as finish() says about the same token */
		bad_at(c, k + len, c->after == S_ARR_AFTER ?
		    "expected ',' or ']' in array" :
		    "unexpected character after value");
		return n;
	}
	if (len > c->maxrec) {
		where(c, k, &c->vline, &c->vcol);
		too_long(c);
		return n;
	}
	if (len > 0 && (k + len < n || t != JX_NUMBER)) {
		if (c->jq != NULL || (t != JX_OBJECT && !c->any))
			where(c, k, &line, &col);
		c->state = c->after;
		c->nl = 0;
		put(c, p, len, t, line, col);
		return k + len;
	}
	where(c, k, &c->vline, &c->vcol);
	c->len = 0;
	c->scalar = *p != '{' && *p != '[' && *p != '"';
	c->depth = 0;
	c->instr = c->esc = 0;
	c->state = S_VALUE;
	return k;
}

/* Check the start of an input for a byte order mark; returns its length. */
static size_t
check_bom(struct conv *c, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		c->lstart = 3;	/* columns count from after it */
		return 3;
	}
	/* Without a BOM, ASCII text in UTF-16 has every other byte 0. */
	if ((n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) || (n >= 4 &&
	    ((u[0] == 0 && u[2] == 0) || (u[1] == 0 && u[3] == 0)))) {
		diag_warn(c->name, 0, "UTF-16 or UTF-32 input is not "
		    "supported; convert it to UTF-8 (e.g. with iconv)");
		c->status = STATUS_FAIL;
		c->state = S_STOP;
		return n;
	}
	return 0;
}

/* Run one block of input through the state machine. */
static void
feed(struct conv *c, const char *p, size_t n)
{
	size_t i = 0;

	c->blk = p;
	c->counted = 0;
	if (c->boff == 0 && c->state == S_START)
		i = check_bom(c, p, n);
	while (i < n && c->state != S_STOP) {
		if (c->state == S_VALUE) {
			i = gather(c, i, n);
			continue;
		}
		while (i < n && wsp[(unsigned char)p[i]]) {
			if (p[i] == '\n')
				c->nl = 1;
			i++;
		}
		if (i == n)
			break;
		switch (c->state) {
		case S_START:
			if (p[i] == '[' && c->jq == NULL) {
				c->state = S_ARR_FIRST;
				i++;
			} else
				c->state = c->after = S_VALUES;
			break;
		case S_ARR_FIRST:
			if (p[i] == ']') {
				c->state = S_ARR_END;
				i++;
				break;
			}
			/* FALLTHROUGH */
		case S_ARR_NEXT:
			c->after = S_ARR_AFTER;
			i = start_value(c, i, n);
			break;
		case S_ARR_AFTER:
			if (p[i] == ',')
				c->state = S_ARR_NEXT;
			else if (p[i] == ']')
				c->state = S_ARR_END;
			else {
				bad_at(c, i, "expected ',' or ']' in array");
				break;
			}
			i++;
			break;
		case S_ARR_END:
			bad_at(c, i, "trailing characters after the array");
			break;
		case S_VALUES:
			if (!c->nl) {
				bad_at(c, i, "trailing characters after value");
				break;
			}
			i = start_value(c, i, n);
			break;
		default:
			break;
		}
	}
	if (c->state != S_STOP) {
		long long line, col;

		where(c, n, &line, &col);
	}
	c->boff += n;
}

/* The input ended: finish a gathered value, or complain about a cut one. */
static void
end_input(struct conv *c)
{
	if (c->state == S_VALUE)
		finish(c, c->buf, c->len);
	switch (c->state) {
	case S_START:
		/* RFC 8259: a JSON text is one value; an empty one is not. */
		diag_warn_at(c->name, c->line, c->boff - c->lstart + 1,
		    "no JSON value in input");
		c->status = STATUS_FAIL;
		break;
	case S_ARR_FIRST: case S_ARR_NEXT: case S_ARR_AFTER:
		diag_warn_at(c->name, c->line, c->boff - c->lstart + 1,
		    "unexpected end of input in array");
		c->status = STATUS_FAIL;
		break;
	default:
		break;
	}
}

/* Convert one input; returns STATUS_OK or STATUS_FAIL. */
static int
convert(struct conv *c, const char *path)
{
	struct lineio *lr;
	const char *p;
	ssize_t n;

	if ((lr = lr_open(path)) == NULL)
		return STATUS_FAIL;
	c->name = lr_name(lr);
	c->status = STATUS_OK;
	c->state = S_START;
	c->after = S_VALUES;
	c->nl = 1;
	c->len = 0;
	c->boff = 0;
	c->line = 1;
	c->lstart = 0;
	while ((n = lr_read(lr, &p)) > 0) {
		feed(c, p, n);
		if (c->state == S_STOP || ob_error(c->out))
			break;
	}
	if (n < 0)
		c->status = STATUS_FAIL;
	else if (n == 0)
		end_input(c);
	if (lr_close(lr) != 0)
		c->status = STATUS_FAIL;
	c->name = NULL;
	return c->status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "any",        no_argument,       NULL, OPT_ANY },
		{ "help",       no_argument,       NULL, 'h' },
		{ "max-record", required_argument, NULL, OPT_MAXREC },
		{ "rejects",    required_argument, NULL, OPT_REJECTS },
		{ "select",     required_argument, NULL, 'e' },
		{ "unbuffered", no_argument,       NULL, 'u' },
		{ "version",    no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct conv c;
	const char *program = NULL, *rejpath = NULL;
	int ch, i, unbuffered = 0, status = STATUS_OK;

	diag_init(argv[0]);
	memset(&c, 0, sizeof(c));
	opterr = 0;	/* getopt would name the program by its full path */
	while ((ch = getopt_long(argc, argv, ":e:huV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'e': program = optarg; break;
		case 'h': usage(STATUS_OK);
		case 'u': unbuffered = 1; break;
		case 'V': puts("json2ndjson " VERSION); return STATUS_OK;
		case OPT_ANY: c.any = 1; break;
		case OPT_MAXREC:
			c.maxrec = args_size(optarg, "max-record");
			break;
		case OPT_REJECTS: rejpath = optarg; break;
		case ':': bad_option("option requires an argument", argv);
		default:  bad_option("unknown option", argv);
		}
	}
	argc -= optind;
	argv += optind;
	if (c.maxrec == 0)
		c.maxrec = program != NULL ? MAXREC_JQ : MAXREC_DEFAULT;
	init_tables();
	c.cbuf = xmalloc(CBUF + 16);
	if (program != NULL) {
		jv_nomem_handler(nomem, NULL);
		c.jq = jq_init();
		if (c.jq == NULL)
			diag_fatal(STATUS_FAIL, "cannot start jq");
		jq_set_nomem_handler(c.jq, nomem, NULL);
		jq_set_error_cb(c.jq, jq_message, NULL);
		if (!jq_compile(c.jq, program))
			diag_fatal(STATUS_USAGE, "invalid jq program: %s",
			    program);
	}
	if (rejpath != NULL && (c.rej = rej_open(rejpath)) == NULL)
		return STATUS_FAIL;
	c.out = ob_open(STDOUT_FILENO, "<stdout>");
	ob_set_unbuffered(c.out, unbuffered);
	if (argc == 0 && convert(&c, "-") != STATUS_OK)
		status = STATUS_FAIL;
	for (i = 0; i < argc && !c.halted && !ob_error(c.out); i++)
		if (convert(&c, argv[i]) != STATUS_OK)	/* warn, go on */
			status = STATUS_FAIL;
	if (ob_close(c.out) != 0)
		status = STATUS_FAIL;
	if (rej_close(c.rej) != 0)
		status = STATUS_FAIL;
	if (c.jq != NULL)
		jq_teardown(&c.jq);
	free(c.buf);
	free(c.cbuf);
	return status;
}
