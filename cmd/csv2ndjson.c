/* csv2ndjson: one JSON object per CSV record, keyed by the header row. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/rejects.h"
#include "common/xalloc.h"

#define HELP_OPTIONS \
"Convert CSV (RFC 4180) to NDJSON: one object per record, keys from the\n" \
"header row, every value a JSON string.\n" \
"\n" \
"  -d, --delimiter C   field delimiter: one byte, or tab, semicolon, ...\n" \
"      --fields A,...  keys for the columns; files have no header row\n" \
"  -h, --help          show this help and exit\n" \
"      --max-record N  cap on one record (K, M, G suffixes; 64M)\n" \
"      --max-line N    the same as --max-record\n" \
"      --no-header     files have no header row; keys \"1\", \"2\", ...\n" \
"      --ragged MODE   a wrong field count: error (the default), pad\n" \
"                      (fill short rows with \"\"), truncate (pad, and\n" \
"                      cut long rows)\n" \
"      --rejects FILE  write bad records to FILE as NDJSON and go on\n" \
"      --source FIELD  add FIELD: \"file:line\" to every record\n" \
"  -u, --unbuffered    flush after every record\n" \
"  -V, --version       print the version and exit\n"

enum ragged { RAGGED_ERROR, RAGGED_PAD, RAGGED_TRUNCATE };

/* Keys as ready-made JSON text: key i is text[off[i], off[i + 1]). */
struct keys {
	struct outbuf	 *text;
	size_t		*off;
	size_t		 n, cap;
};

/* Options, shared by every file. */
static unsigned char	 delim = ',';
static char		**fields;	/* --fields, or NULL */
static size_t		 nfields;
static int		 no_header;
static enum ragged	 ragged = RAGGED_ERROR;
static const char	*source;	/* --source FIELD, or NULL */
static size_t		 max_record = LR_MAXLINE;
static int		 unbuffered;

/* The state of one conversion: the current file and record. */
struct conv {
	struct csv_parser p;
	int		 rownotbegun;	/* p.pstate between records */
	struct outbuf	*out;
	struct rejects	*rej;
	const char	*name;		/* the input, in messages */
	int		 status;
	int		 stop;		/* give up on this file */

	long long	 line;		/* physical line being fed */
	long long	 start;		/* where the record starts */
	int		 open;		/* a record is under way */
	int		 skip;		/* drop input up to a '\n' */
	int		 depth;		/* replay() nesting */

	/*
	 * The current record's raw text is raw (earlier blocks) followed by
	 * [raw0, ce) of the buffer being fed; ce is the end of the chunk.
	 */
	struct outbuf	 *raw;
	const char	*raw0, *ce;

	int		 header;	/* next record is the header */
	struct keys	 keys;
	size_t		 width;		/* 0 until known */
	struct outbuf	 *names;		/* header names, NUL-ended */
	struct outbuf	 *srcpre;	/* ,"FIELD":"file: for --source */

	size_t		 nf;		/* fields seen so far */
	const char	*bad;		/* why the record is rejected */
	char		 badbuf[160];
	struct outbuf	 *rec;		/* the record's JSON so far */
};

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: csv2ndjson [-uV] [-d delim] [--fields a,b,...] "
	    "[--no-header]\n"
	    "                  [--ragged error|pad|truncate] "
	    "[--rejects file]\n"
	    "                  [--source field] [--max-record size] "
	    "[file ...]\n", fp);
	fputs(status ? "Try 'csv2ndjson --help' for more information.\n" :
	    HELP_OPTIONS, fp);
	exit(status);
}

static void
keys_reset(struct keys *k)
{
	ob_truncate(k->text, 0);
	k->n = 0;
}

/*
 * Add the next key: its text is the JSON between two values, so that a
 * record is keys[0] v0 keys[1] v1 ... '"' '}': {"a":" then ","b":" ...
 */
static void
keys_add(struct keys *k, const char *name, size_t len)
{
	if (k->n + 2 > k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->off = xreallocarray(k->off, k->cap, sizeof(*k->off));
	}
	if (k->n == 0) {
		k->off[0] = 0;
		ob_write(k->text, "{\"", 2);
	} else
		ob_write(k->text, "\",\"", 3);
	ob_json_esc_utf8(k->text, name, len, 1);
	ob_write(k->text, "\":\"", 3);
	k->off[++k->n] = ob_len(k->text);
}

/* Key i for --no-header: "1", "2", ... made when first needed. */
static void
keys_number(struct keys *k, size_t i)
{
	char num[24];

	while (k->n <= i) {
		snprintf(num, sizeof(num), "%zu", k->n + 1);
		keys_add(k, num, strlen(num));
	}
}

/* Forget the current record. */
static void
rec_reset(struct conv *c)
{
	c->nf = 0;
	c->bad = NULL;
	ob_truncate(c->rec, 0);
	ob_truncate(c->raw, 0);
	c->raw0 = c->ce = NULL;
	c->open = 0;
	c->skip = 0;
}

static void
set_bad(struct conv *c, const char *fmt, ...) DIAG_PRINTF(2, 3);

static void
set_bad(struct conv *c, const char *fmt, ...)
{
	va_list ap;

	if (c->bad != NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(c->badbuf, sizeof(c->badbuf), fmt, ap);
	va_end(ap);
	c->bad = c->badbuf;
}

/*
 * The current record's raw text so far (through ce), without the line
 * break that ends it; borrowed.
 */
static const char *
rec_raw(struct conv *c, size_t *n)
{
	const char *p;
	size_t len;

	if (ob_len(c->raw) == 0) {
		p = c->raw0;
		len = c->raw0 ? (size_t)(c->ce - c->raw0) : 0;
	} else {
		if (c->raw0 != NULL)
			ob_write(c->raw, c->raw0, c->ce - c->raw0);
		c->raw0 = c->ce;
		p = ob_data(c->raw, NULL);
		len = ob_len(c->raw);
	}
	if (len > 0 && p[len - 1] == '\n')
		len--;
	if (len > 0 && p[len - 1] == '\r')
		len--;
	*n = len;
	return p;
}

/* A record is bad: to the rejects file, or warn and fail at the end. */
static void
reject(struct conv *c, long long line, const char *why, const char *raw,
    size_t n)
{
	if (c->rej != NULL)
		rej_write(c->rej, c->name, line, why, raw, n);
	else {
		diag_warn(c->name, line, "%s", why);
		c->status = STATUS_FAIL;
	}
}

/* Header trouble ends this file: the keys would be wrong for every row. */
static void
header_fail(struct conv *c, const char *why)
{
	diag_warn(c->name, c->start, "bad header: %s", why);
	c->status = STATUS_FAIL;
	c->stop = 1;
}

static int
name_cmp(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(*x, *y);
}

/* The header row is complete: check the names and make the keys. */
static void
header_end(struct conv *c)
{
	const char **v;
	const char *s;
	size_t i, n = c->nf;

	c->header = 0;
	if (c->bad != NULL) {
		header_fail(c, c->bad);
		return;
	}
	v = xreallocarray(NULL, n + 1, sizeof(*v));
	for (i = 0, s = ob_data(c->names, NULL); i < n; i++, s += strlen(s) + 1)
		v[i] = s;
	if (source != NULL)
		v[n++] = source;
	qsort(v, n, sizeof(*v), name_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i - 1], v[i]) != 0)
			continue;
		if (source != NULL && strcmp(v[i], source) == 0)
			set_bad(c, "name \"%.80s\" is also the --source field",
			    v[i]);
		else
			set_bad(c, "duplicate name \"%.80s\"", v[i]);
		header_fail(c, c->bad);
		free(v);
		return;
	}
	free(v);
	keys_reset(&c->keys);
	for (i = 0, s = ob_data(c->names, NULL); i < c->nf; i++, s += strlen(s) + 1)
		keys_add(&c->keys, s, strlen(s));
	c->width = c->nf;
}

/* libcsv field callback: a header name, or one value into the record. */
static void
on_field(void *f, size_t n, void *arg)
{
	struct conv *c = arg;
	size_t i = c->nf++;
	const char *k;
	size_t kn;

	if (c->bad != NULL)
		return;
	if (c->header) {
		if (n == 0)
			set_bad(c, "empty name in field %zu", i + 1);
		else if (memchr(f, '\0', n) != NULL)
			set_bad(c, "NUL byte in field %zu", i + 1);
		else if (!jx_utf8_valid(f, n))
			set_bad(c, "invalid UTF-8 in field %zu", i + 1);
		else {
			ob_write(c->names, f, n);
			ob_write(c->names, "", 1);
		}
		return;
	}
	if (c->width != 0 && i >= c->width)
		return;			/* counted, judged in rec_end */
	if (i >= c->keys.n)
		keys_number(&c->keys, i);	/* --no-header, first record */
	k = ob_data(c->keys.text, NULL) + c->keys.off[i];
	kn = c->keys.off[i + 1] - c->keys.off[i];
	ob_write(c->rec, k, kn);
	if (ob_json_esc_utf8(c->rec, f, n, 0) != 0)
		set_bad(c, "invalid UTF-8 in field %zu", i + 1);
}

/* End the current record with the raw text known to run through c->ce. */
static void
rec_end(struct conv *c)
{
	const char *raw;
	size_t i, n;
	char num[24];

	if (c->header) {
		header_end(c);
		rec_reset(c);
		return;
	}
	if (c->width == 0 && !c->skip)
		c->width = c->nf;	/* --no-header: the first record */
	if (c->bad == NULL && c->nf != c->width) {
		if (c->nf > c->width ? ragged != RAGGED_TRUNCATE :
		    ragged == RAGGED_ERROR)
			set_bad(c, "ragged row: %zu field%s, expected %zu",
			    c->nf, c->nf == 1 ? "" : "s", c->width);
		else
			for (i = c->nf; i < c->width; i++)
				ob_write(c->rec, ob_data(c->keys.text, NULL) +
				    c->keys.off[i], c->keys.off[i + 1] -
				    c->keys.off[i]);
	}
	if (c->bad != NULL) {
		raw = rec_raw(c, &n);
		reject(c, c->start, c->bad, raw, n);
	} else {
		if (source != NULL) {
			ob_write(c->rec, ob_data(c->srcpre, NULL), ob_len(c->srcpre));
			n = snprintf(num, sizeof(num), "%lld", c->start);
			ob_write(c->rec, num, n);
		}
		ob_write(c->rec, "\"}\n", 3);
		ob_write(c->out, ob_data(c->rec, NULL), ob_len(c->rec));
		if (unbuffered)
			ob_flush(c->out);
	}
	rec_reset(c);
}

/* libcsv row callback. */
static void
on_row(int ch, void *arg)
{
	rec_end(arg);
}

/*
 * libcsv has no way to drop a half-parsed record after an error:
 * csv_fini() resets its state, but with CSV_STRICT_FINI it refuses to
 * while a quoted field is open, so turn that option off around it.
 */
static void
parser_reset(struct conv *c)
{
	int opts = csv_get_opts(&c->p);

	csv_set_opts(&c->p, opts & ~CSV_STRICT_FINI);
	csv_fini(&c->p, NULL, NULL, NULL);
	csv_set_opts(&c->p, opts);
}

static void feed(struct conv *, const char *, size_t);

/*
 * A record that runs over several lines is broken (a quote error on a
 * later line, or a quote still open at the end of the file).  The usual
 * cause is one stray quote on its first line that swallowed the lines
 * after it, so reject only the first line and parse the rest again, as
 * if the stray quote had not been there.  The bytes come from the raw
 * copy, which the cap on a record bounds.  Nesting is capped too (each
 * level holds a copy): past it, or for a record on one line, decline and
 * return -1, and the caller rejects the whole record.
 */
static int
replay(struct conv *c, const char *why)
{
	const char *raw, *nl;
	char *copy;
	size_t n, first;
	long long start = c->start;

	raw = rec_raw(c, &n);
	nl = memchr(raw, '\n', n);
	if (nl == NULL || c->depth >= 32)
		return -1;
	first = nl - raw;
	reject(c, start, why, raw, first > 0 && raw[first - 1] == '\r' ?
	    first - 1 : first);
	/* Take the whole raw text back, line break included. */
	n = ob_len(c->raw) ? ob_len(c->raw) : (size_t)(c->ce - c->raw0);
	copy = xmemdup(raw + first + 1, n - first - 1);
	n -= first + 1;
	rec_reset(c);
	c->line = start + 1;
	c->depth++;
	feed(c, copy, n);
	c->depth--;
	free(copy);
	return 0;
}

/*
 * libcsv stopped at s[off] (CSV_STRICT): a quote inside an unquoted field,
 * or something other than a delimiter or line break after a closing quote.
 * Returns 1 when the lines were replayed (and so counted), else 0.
 */
static int
parse_error(struct conv *c, const char *s, size_t off)
{
	const char *what = s[off] == '"' ? "quote in unquoted field" :
	    "unexpected character after closing quote";

	parser_reset(c);
	c->bad = NULL;			/* the quote error is the news */
	if (c->header) {
		header_fail(c, what);
		return 1;
	}
	if (c->line != c->start) {
		set_bad(c, "quoted field not closed properly (error on line "
		    "%lld)", c->line);
		c->bad = NULL;
		if (replay(c, c->badbuf) == 0)
			return 1;
		set_bad(c, "quoted field not closed properly (error on line "
		    "%lld)", c->line);
	} else
		set_bad(c, "%s", what);
	/* Skip the rest of the line and reject it with the record. */
	c->skip = 1;
	c->open = 1;
	return 0;
}

/* Feed one chunk: a line, a line up to a lone CR, or a block's tail. */
static void
chunk(struct conv *c, const char *s, const char *ce)
{
	size_t n, len = ce - s;
	int eol = ce[-1] == '\n';

	c->ce = ce;
	if (!c->open) {
		c->start = c->line;
		c->raw0 = s;
	} else if (c->raw0 == NULL)	/* a new buffer, or after replay */
		c->raw0 = s;
	/* Chunks are at most a block, so this bounds every buffer. */
	if (ob_len(c->raw) + (size_t)(ce - c->raw0) > max_record) {
		diag_warn(c->name, c->start, "record longer than %zu bytes",
		    max_record);
		c->status = STATUS_FAIL;
		c->stop = 1;
		return;
	}
	if (c->skip) {
		if (eol)
			rec_end(c);
	} else {
		n = csv_parse(&c->p, s, len, on_field, on_row, c);
		if (n < len) {
			if (csv_error(&c->p) != CSV_EPARSE)
				diag_fatal(STATUS_FAIL, "%s",
				    csv_strerror(csv_error(&c->p)));
			if (parse_error(c, s, n))
				return;	/* replayed: lines counted */
			if (eol)
				rec_end(c);
		} else
			c->open = c->p.pstate != c->rownotbegun;
	}
	if (eol)
		c->line++;
}

/*
 * Feed a buffer to libcsv.  Its callbacks carry no positions, so the
 * buffer goes in one physical line at a time: a record starts on the line
 * being fed when the parser was between records before it.  A lone CR
 * also ends a chunk, since libcsv ends a record there.  Line numbers
 * count '\n' only, as wc -l and sed do.
 */
static void
feed(struct conv *c, const char *buf, size_t len)
{
	const char *s = buf, *e = buf + len, *nl = buf, *cr = buf, *lend, *ce;

	nl = memchr(s, '\n', len);
	cr = memchr(s, '\r', len);
	while (s < e && !c->stop) {
		if (nl != NULL && nl < s)
			nl = memchr(s, '\n', e - s);
		if (cr != NULL && cr < s)
			cr = memchr(s, '\r', e - s);
		lend = nl ? nl : e;
		if (cr != NULL && cr + 1 < lend)
			ce = cr + 1;
		else
			ce = nl ? nl + 1 : e;
		chunk(c, s, ce);
		s = ce;
	}
	/* Keep the unfinished record's text: the buffer goes away. */
	if (c->open && !c->stop && c->raw0 != NULL) {
		ob_write(c->raw, c->raw0, e - c->raw0);
		c->raw0 = c->ce = NULL;
	}
}

/* The input ended: finish the last record (csv_fini) or report it. */
static void
finish(struct conv *c)
{
	const char *raw;
	size_t n;

	while (c->open && !c->stop) {
		c->raw0 = c->ce = NULL;
		if (c->skip) {
			rec_end(c);
			break;
		}
		if (csv_fini(&c->p, on_field, on_row, c) == 0)
			break;
		/* CSV_STRICT_FINI: a quoted field is still open. */
		parser_reset(c);
		if (c->header) {
			header_fail(c, "unterminated quoted field");
			break;
		}
		if (replay(c, "unterminated quoted field") != 0) {
			raw = rec_raw(c, &n);
			reject(c, c->start, "unterminated quoted field", raw,
			    n);
			rec_reset(c);
			break;
		}
		c->open = c->p.pstate != c->rownotbegun || c->skip;
	}
}

static int
never_space(unsigned char ch)
{
	return 0;
}

/* Convert one input; returns STATUS_OK or STATUS_FAIL. */
static int
convert(const char *path, struct outbuf *out, struct rejects *rej,
    struct conv *c)
{
	static const char bom[] = "\xef\xbb\xbf";
	struct lineio *lr;
	const char *p;
	ssize_t n = 0;
	size_t nbom = 0;

	if ((lr = lr_open(path)) == NULL)
		return STATUS_FAIL;
	/*
	 * Strict mode, so that stray quotes are errors rather than data, and
	 * STRICT_FINI, so that a quote open at the end is one too.  Neither
	 * APPEND_NULL (fields come with their length) nor EMPTY_IS_NULL
	 * (an empty field is "", like a quoted "").
	 */
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		diag_fatal(STATUS_FAIL, "out of memory");
	c->rownotbegun = c->p.pstate;
	csv_set_delim(&c->p, delim);
	/* RFC 4180: spaces are part of a field; libcsv trims by default. */
	csv_set_space_func(&c->p, never_space);
	/* libcsv grows its field buffer by this much (default 128). */
	csv_set_blk_size(&c->p, 4096);
	c->out = out;
	c->rej = rej;
	c->name = lr_name(lr);
	c->status = STATUS_OK;
	c->stop = 0;
	c->line = 1;
	c->depth = 0;
	rec_reset(c);
	ob_truncate(c->names, 0);
	if (fields == NULL) {
		c->header = !no_header;
		c->width = 0;
		keys_reset(&c->keys);
	}
	if (source != NULL) {
		ob_truncate(c->srcpre, 0);
		ob_write(c->srcpre, "\",\"", 3);
		ob_json_esc_utf8(c->srcpre, source, strlen(source), 1);
		ob_write(c->srcpre, "\":\"", 3);
		ob_json_esc_utf8(c->srcpre, c->name, strlen(c->name), 1);
		ob_write(c->srcpre, ":", 1);
	}
	while (!c->stop && !ob_error(out) && (n = lr_read(lr, &p)) > 0) {
		/* Drop a UTF-8 BOM, even one that arrives a byte at a time. */
		while (nbom < 3 && n > 0) {
			if (*p != bom[nbom]) {
				feed(c, bom, nbom);
				nbom = 3;
				break;
			}
			nbom++;
			p++;
			n--;
		}
		if (n > 0)
			feed(c, p, n);
	}
	if (n < 0) {		/* reported; drop the partial record */
		c->status = STATUS_FAIL;
		c->stop = 1;
	}
	if (!c->stop && !ob_error(out)) {
		if (nbom > 0 && nbom < 3)
			feed(c, bom, nbom);
		finish(c);
	}
	csv_free(&c->p);
	if (lr_close(lr) != 0)
		c->status = STATUS_FAIL;
	return c->status;
}

int
main(int argc, char *argv[])
{
	enum { OPT_FIELDS = 256, OPT_MAXREC, OPT_NOHEADER, OPT_RAGGED,
	    OPT_REJECTS, OPT_SOURCE };
	static const struct option longopts[] = {
		{ "delimiter",  required_argument, NULL, 'd' },
		{ "fields",     required_argument, NULL, OPT_FIELDS },
		{ "help",       no_argument,       NULL, 'h' },
		{ "max-line",   required_argument, NULL, OPT_MAXREC },
		{ "max-record", required_argument, NULL, OPT_MAXREC },
		{ "no-header",  no_argument,       NULL, OPT_NOHEADER },
		{ "ragged",     required_argument, NULL, OPT_RAGGED },
		{ "rejects",    required_argument, NULL, OPT_REJECTS },
		{ "source",     required_argument, NULL, OPT_SOURCE },
		{ "unbuffered", no_argument,       NULL, 'u' },
		{ "version",    no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const modes[] = { "error", "pad", "truncate", NULL };
	static struct conv c;
	const char *rejpath = NULL;
	struct outbuf *out;
	struct rejects *rej = NULL;
	size_t i, j;
	int ch, status = STATUS_OK;

	diag_init(argv[0]);
	argv[0] = (char *)diag_prog();	/* for getopt's messages */
	while ((ch = getopt_long(argc, argv, "d:huV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			delim = args_char(optarg, "delimiter");
			break;
		case 'h':
			usage(STATUS_OK);
		case 'u':
			unbuffered = 1;
			break;
		case 'V':
			puts("csv2ndjson " VERSION);
			return STATUS_OK;
		case OPT_FIELDS:
			args_list(optarg, "field list", &fields, &nfields);
			break;
		case OPT_MAXREC:
			max_record = args_size(optarg, "record size");
			break;
		case OPT_NOHEADER:
			no_header = 1;
			break;
		case OPT_RAGGED:
			ragged = args_choice(optarg, "ragged mode", modes);
			break;
		case OPT_REJECTS:
			rejpath = optarg;
			break;
		case OPT_SOURCE:
			if (*optarg == '\0' || !jx_utf8_valid(optarg,
			    strlen(optarg))) {
				diag_msg("invalid source field '%s'", optarg);
				usage(STATUS_USAGE);
			}
			source = optarg;
			break;
		default:
			usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	c.rec = ob_mem();
	c.raw = ob_mem();
	c.names = ob_mem();
	c.srcpre = ob_mem();
	c.keys.text = ob_mem();
	if (fields != NULL) {
		for (i = 0; i < nfields; i++) {
			if (!jx_utf8_valid(fields[i], strlen(fields[i]))) {
				diag_msg("invalid UTF-8 in field name");
				usage(STATUS_USAGE);
			}
			for (j = 0; j < i; j++)
				if (strcmp(fields[i], fields[j]) == 0)
					break;
			if (j < i || (source && !strcmp(fields[i], source))) {
				diag_msg("duplicate field name '%s'",
				    fields[i]);
				usage(STATUS_USAGE);
			}
			keys_add(&c.keys, fields[i], strlen(fields[i]));
		}
		c.width = nfields;
	}
	if (rejpath != NULL && (rej = rej_open(rejpath)) == NULL)
		return STATUS_FAIL;
	out = ob_open(STDOUT_FILENO, "<stdout>");
	if (argc == 0 && convert("-", out, rej, &c) != STATUS_OK)
		status = STATUS_FAIL;
	for (i = 0; i < (size_t)argc; i++)
		if (convert(argv[i], out, rej, &c) != STATUS_OK)
			status = STATUS_FAIL;	/* warned; go on */
	if (ob_close(out) != 0)
		status = STATUS_FAIL;
	if (rej_close(rej) != 0)
		status = STATUS_FAIL;
	ob_close(c.rec);
	ob_close(c.raw);
	ob_close(c.names);
	ob_close(c.srcpre);
	ob_close(c.keys.text);
	free(c.keys.off);
	args_list_free(fields);
	return status;
}
