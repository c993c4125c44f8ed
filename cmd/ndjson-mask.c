/* ndjson-mask: mask, drop, redact or pseudonymise fields of NDJSON records. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/pan.h"
#include "common/rejects.h"
#include "common/xalloc.h"

#define KEY_ENV		"NDJSON_MASK_KEY"
#define KEY_MAX		4096

#define HELP_OPTIONS \
"Mask card numbers, drop, redact or pseudonymise top-level fields.\n"	\
"\n"									\
"      --card FIELDS         mask all but the last four digits of a PAN\n" \
"      --card-keep-first N   also keep its first N digits (0..6, default 0)\n" \
"      --drop FIELDS         remove the fields\n"			\
"      --hash FIELDS         replace by HMAC-SHA256 hex of the value\n"	\
"      --key-file FILE       HMAC key for --hash (else $" KEY_ENV ")\n" \
"      --redact FIELDS       replace the values by null\n"		\
"      --rejects FILE        write bad records there (digits masked)\n"	\
"      --scan                mask Luhn-valid card numbers in every string\n" \
"      --stats FILE          write counters as one JSON object\n"	\
"  -u, --unbuffered          flush after every record\n"		\
"  -h, --help                show this help\n"			\
"  -V, --version             show the version\n"			\
"\n"									\
"FIELDS is a comma-separated list of top-level keys; a.b names member b\n" \
"of the object in top-level member a.\n"

enum act { A_KEEP, A_CARD, A_DROP, A_HASH, A_REDACT };

struct rule {
	const char	*name;
	size_t		 len;
	enum act	 act;
};

static struct rule *rules;
static size_t	 nrules;
static uint64_t	 lenmask;	/* bit L set when some rule name has length L */
static int	 longnames;	/* some rule name is 64 bytes or longer */
static int	 keep_first, scan;
static size_t	 ndotted;	/* rules with a dotted path */

#define MAXDEPTH	16	/* most names in a dotted path */
static struct jx_doc sub[MAXDEPTH];	/* nested objects being rewritten */
static char	 fpath[1024];	/* dotted path of the member at hand */

static struct {
	long long	 in, out, rejected, cards, scanned, dropped, redacted,
			 hashed, invalid;
} st;

static struct outbuf *out;
static struct outbuf *dec;	/* decoded strings */
static struct outbuf *tmp;	/* masked text, compacted values */
static struct rejects *rej;
static EVP_MAC_CTX *mac;
static int	 bad_records;

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: ndjson-mask [--card fields] [--card-keep-first n] "
	    "[--drop fields]\n"
	    "                   [--redact fields] [--hash fields "
	    "[--key-file file]] [--scan]\n"
	    "                   [--stats file] [--rejects file] [-u] "
	    "[file ...]\n", fp);
	fputs(status ? "Try 'ndjson-mask --help' for more information.\n" :
	    HELP_OPTIONS, fp);
	exit(status);
}

/* The number of names in a dotted path. */
static size_t
names(const char *s)
{
	size_t n = 1;

	for (; *s != '\0'; s++)
		n += *s == '.';
	return n;
}

static void
add_rules(const char *arg, const char *opt, enum act act)
{
	char **list = NULL;
	size_t n = 0, i, j;

	args_list(arg, opt, &list, &n);
	for (i = 0; i < n; i++) {
		for (j = 0; j < nrules; j++)
			if (strcmp(rules[j].name, list[i]) == 0) {
				diag_msg("field named in more than one of "
				    "--card, --drop, --hash, --redact: %s",
				    list[i]);
				usage(STATUS_USAGE);
			}
		rules = xreallocarray(rules, nrules + 1, sizeof(*rules));
		rules[nrules].name = list[i];	/* kept until exit */
		rules[nrules].len = strlen(list[i]);
		rules[nrules].act = act;
		if (strchr(list[i], '.') != NULL)
			ndotted++;
		if (names(list[i]) > MAXDEPTH) {
			diag_msg("more than %d names in a dotted path: %s",
			    MAXDEPTH, list[i]);
			usage(STATUS_USAGE);
		}
		if (rules[nrules].len < 64)
			lenmask |= (uint64_t)1 << rules[nrules].len;
		else
			longnames = 1;
		nrules++;
	}
	free(list);
}

static enum act
lookup(const char *k, size_t n)
{
	size_t i;

	if (n < 64 ? !(lenmask >> n & 1) : !longnames)
		return A_KEEP;
	for (i = 0; i < nrules; i++)
		if (rules[i].len == n && memcmp(rules[i].name, k, n) == 0)
			return rules[i].act;
	return A_KEEP;
}

static _Noreturn void
ssl_fatal(const char *what)
{
	unsigned long e = ERR_get_error();
	char buf[256];

	ERR_error_string_n(e, buf, sizeof(buf));
	diag_fatal(STATUS_FAIL, "%s: %s", what, e ? buf : "failed");
}

/*
 * The HMAC key: the bytes of FILE without one trailing newline, or the
 * value of $NDJSON_MASK_KEY.  It is never printed.
 */
static void
load_key(const char *path)
{
	unsigned char key[KEY_MAX + 1];
	const char *env;
	OSSL_PARAM params[2];
	EVP_MAC *m;
	struct stat sb;
	size_t n = 0;
	ssize_t r;
	int fd;

	if (path != NULL) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
			diag_syswarn(path, "cannot open key file");
			exit(STATUS_USAGE);
		}
		if (fstat(fd, &sb) == 0 && (sb.st_mode & (S_IRGRP | S_IROTH)))
			diag_warn(path, 0, "key file is readable by group or "
			    "others (chmod 600 it)");
		while (n <= KEY_MAX && (r = read(fd, key + n,
		    KEY_MAX + 1 - n)) != 0) {
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				diag_syswarn(path, "cannot read key file");
				exit(STATUS_USAGE);
			}
			n += r;
		}
		close(fd);
		if (n > KEY_MAX)
			diag_fatal(STATUS_USAGE, "%s: key longer than %d bytes",
			    path, KEY_MAX);
		if (n > 0 && key[n - 1] == '\n')
			n--;
		if (n > 0 && key[n - 1] == '\r')
			n--;
		if (n == 0)
			diag_fatal(STATUS_USAGE, "%s: empty key", path);
	} else if ((env = getenv(KEY_ENV)) != NULL && *env != '\0') {
		n = strlen(env);
		if (n > KEY_MAX)
			diag_fatal(STATUS_USAGE, "$%s longer than %d bytes",
			    KEY_ENV, KEY_MAX);
		memcpy(key, env, n);
	} else {
		diag_msg("--hash needs a key: --key-file FILE or $%s",
		    KEY_ENV);
		usage(STATUS_USAGE);
	}
	if ((m = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		ssl_fatal("HMAC");
	if ((mac = EVP_MAC_CTX_new(m)) == NULL)
		ssl_fatal("HMAC");
	EVP_MAC_free(m);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)"SHA256", 0);
	params[1] = OSSL_PARAM_construct_end();
	if (!EVP_MAC_init(mac, key, n, params))
		ssl_fatal("HMAC-SHA256 key");
	OPENSSL_cleanse(key, sizeof(key));
}

/* Write "hex(HMAC-SHA256(key, p[0, n)))" as a JSON string. */
static void
put_hmac(const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	char txt[2 * EVP_MAX_MD_SIZE + 2];
	size_t mdlen, i;

	/* A NULL key restarts the MAC with the key already set. */
	if (!EVP_MAC_init(mac, NULL, 0, NULL) ||
	    !EVP_MAC_update(mac, (const unsigned char *)p, n) ||
	    !EVP_MAC_final(mac, md, &mdlen, sizeof(md)))
		ssl_fatal("HMAC-SHA256");
	txt[0] = '"';
	for (i = 0; i < mdlen; i++) {
		txt[1 + 2 * i] = hex[md[i] >> 4];
		txt[2 + 2 * i] = hex[md[i] & 15];
	}
	txt[1 + 2 * mdlen] = '"';
	ob_write(out, txt, 2 * mdlen + 2);
	st.hashed++;
}

/* Write a masked PAN as a JSON string. */
static void
put_pan(struct outbuf *ob, const char *d, size_t nd, int quote)
{
	char buf[PAN_MAX + 2];

	pan_mask(buf + 1, d, nd, keep_first);
	buf[0] = buf[nd + 1] = '"';
	if (quote)
		ob_write(ob, buf, nd + 2);
	else
		ob_write(ob, buf + 1, nd);
}

/* Copy s[0, n) to ob with every PAN masked; returns how many. */
static long long
mask_text(struct outbuf *ob, const char *s, size_t n)
{
	struct pan_match m;
	size_t at = 0;
	long long k = 0;

	while (pan_find(s, n, at, &m)) {
		ob_write(ob, s + at, m.off - at);
		put_pan(ob, m.d, m.nd, 0);
		at = m.off + m.len;
		k++;
	}
	ob_write(ob, s + at, n - at);
	return k;
}

/* A validated string token (quotes included), PANs masked for --scan. */
static void
scan_str(const char *p, size_t n, int escaped)
{
	const char *s;
	size_t len;
	long long k;
	struct jx_val v;

	if (!escaped) {
		if (!pan_maybe(p + 1, n - 2)) {
			ob_write(out, p, n);
			return;
		}
		ob_putc(out, '"');
		st.scanned += mask_text(out, p + 1, n - 2);
		ob_putc(out, '"');
		return;
	}
	/* Escapes could hide digits: look at the decoded text. */
	v.p = p;
	v.n = n;
	v.type = JX_STRING;
	v.flags = JX_ESCAPED;
	s = jx_str(&v, dec, &len);
	if (!pan_maybe(s, len)) {
		ob_write(out, p, n);
		return;
	}
	ob_truncate(tmp, 0);
	k = mask_text(tmp, s, len);
	st.scanned += k;
	s = ob_data(tmp, &len);
	ob_json_str(out, s, len);
}

/*
 * A number token whose text holds a PAN ("4111111111111111",
 * "-4111111111111111.0") becomes a string with the PAN masked.
 */
static void
scan_number(const char *p, size_t n)
{
	const char *s;
	size_t len;
	long long k;

	if (n < PAN_SCAN_MIN || !pan_maybe(p, n)) {
		ob_write(out, p, n);
		return;
	}
	ob_truncate(tmp, 0);
	if ((k = mask_text(tmp, p, n)) == 0) {
		ob_write(out, p, n);
		return;
	}
	st.scanned += k;
	s = ob_data(tmp, &len);
	ob_putc(out, '"');
	ob_write(out, s, len);
	ob_putc(out, '"');
}

/*
 * Copy a validated array or object compactly, masking PANs in every
 * string (keys included) and every integer when scanning.
 */
static void
walk(const char *p, size_t n)
{
	const char *s = p, *e = p + n, *t;
	int escaped;

	while (s < e) {
		switch (*s) {
		case ' ': case '\t': case '\n': case '\r':
			s++;
			break;
		case '"':
			escaped = 0;
			for (t = s + 1; *t != '"'; t++)
				if (*t == '\\') {
					escaped = 1;
					t++;
				}
			t++;
			if (scan)
				scan_str(s, t - s, escaped);
			else
				ob_write(out, s, t - s);
			s = t;
			break;
		case '-': case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			for (t = s + 1; t < e && ((*t >= '0' && *t <= '9') ||
			    *t == '.' || *t == 'e' || *t == 'E' || *t == '+' ||
			    *t == '-'); t++)
				;
			if (scan)
				scan_number(s, t - s);
			else
				ob_write(out, s, t - s);
			s = t;
			break;
		default:
			ob_putc(out, *s);
			s++;
			break;
		}
	}
}

/* An untouched value: verbatim, compacted, or scanned for PANs. */
static void
put_value(const struct jx_val *v)
{
	switch (v->type) {
	case JX_STRING:
		if (scan)
			scan_str(v->p, v->n, v->flags & JX_ESCAPED);
		else
			ob_write(out, v->p, v->n);
		break;
	case JX_NUMBER:
		if (scan)
			scan_number(v->p, v->n);
		else
			ob_write(out, v->p, v->n);
		break;
	case JX_ARRAY:
	case JX_OBJECT:
		walk(v->p, v->n);
		break;
	default:
		ob_write(out, v->p, v->n);
		break;
	}
}

/*
 * A card field.  A string or integer of 12..19 digits (single spaces or
 * dashes between groups allowed) becomes the masked string; null and ""
 * stay; anything else cannot be shown safely and becomes null.
 */
static void
put_card(const struct jx_val *v)
{
	char d[PAN_MAX];
	const char *s = v->p;
	size_t len = v->n, nd = 0;

	switch (v->type) {
	case JX_NULL:
		ob_write(out, "null", 4);
		return;
	case JX_STRING:
		s = jx_str(v, dec, &len);
		if (len == 0) {
			ob_write(out, "\"\"", 2);
			return;
		}
		/* FALLTHROUGH */
	case JX_NUMBER:
		nd = pan_parse(s, len, d);
		break;
	default:
		break;
	}
	if (nd == 0) {
		ob_write(out, "null", 4);
		st.invalid++;
		return;
	}
	put_pan(out, d, nd, 1);
	st.cards++;
}

static void
put_hashed(const struct jx_val *v)
{
	const char *s;
	size_t len;

	switch (v->type) {
	case JX_NULL:
		ob_write(out, "null", 4);
		break;
	case JX_STRING:
		s = jx_str(v, dec, &len);
		put_hmac(s, len);
		break;
	default:
		/* Any other value: its JSON text without white space. */
		ob_truncate(tmp, 0);
		jx_compact(tmp, v->p, v->n);
		s = ob_data(tmp, &len);
		put_hmac(s, len);
		break;
	}
}

/*
 * Report a bad record without quoting it; with --rejects, write it there
 * with every ASCII digit replaced by '*' so no PAN or CVV can survive.
 */
static void
reject(const char *name, long long lineno, long long col, int json,
    const char *msg, char *line, size_t n)
{
	char err[256];
	size_t i;

	st.rejected++;
	if (rej == NULL) {
		diag_warn_at(name, lineno, col, "%s%s",
		    json ? "invalid JSON: " : "", msg);
		bad_records = 1;
		return;
	}
	for (i = 0; i < n; i++)
		if (line[i] >= '0' && line[i] <= '9')
			line[i] = '*';
	snprintf(err, sizeof(err), "column %lld: %s%s", col,
	    json ? "invalid JSON: " : "", msg);
	rej_write(rej, name, lineno, err, line, n);
}

/* 1 when a rule names a member inside the object at path p[0, n). */
static int
path_prefix(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < nrules; i++)
		if (rules[i].len > n && rules[i].name[n] == '.' &&
		    memcmp(rules[i].name, p, n) == 0)
			return 1;
	return 0;
}

/* Write the members span[0, end), copied as they are, if any. */
static inline void
put_run(const char *span, const char *end, int *nout)
{
	if (span == NULL)
		return;
	if ((*nout)++)
		ob_putc(out, ',');
	ob_write(out, span, end - span);
}

/*
 * Write the object d with every rule applied.  fpath[0, plen) is the
 * dotted path of d followed by '.', empty at the top level; depth indexes
 * the parse of a nested object that a dotted rule reaches into.
 */
static void
mask_object(const struct jx_doc *d, size_t plen, int depth)
{
	const struct jx_member *m;
	const char *k, *name, *span = NULL, *end = NULL;
	size_t i, klen, nlen;
	struct jx_err e;
	int nout = 0;
	enum act act;

	ob_putc(out, '{');
	for (i = 0; i < d->n; i++) {
		m = &d->m[i];
		if (m->key.flags & JX_ESCAPED)
			k = jx_str(&m->key, dec, &klen);
		else {
			k = m->key.p + 1;
			klen = m->key.n - 2;
		}
		name = k;
		nlen = klen;
		if (plen > 0) {
			if (plen + klen >= sizeof(fpath)) {
				name = NULL;
			} else {
				memcpy(fpath + plen, k, klen);
				name = fpath;
				nlen = plen + klen;
			}
		}
		act = name != NULL ? lookup(name, nlen) : A_KEEP;
		if (act == A_KEEP && m->val.type < JX_ARRAY &&
		    m->val.p == m->key.p + m->key.n + 1 &&
		    (!scan || (!pan_maybe(m->val.p, m->val.n) &&
		    !(m->val.flags & JX_ESCAPED) &&
		    !pan_maybe(m->key.p, m->key.n) &&
		    !(m->key.flags & JX_ESCAPED)))) {
			/*
			 * Nothing to change and "key":value is compact: grow
			 * the run of members copied with one write.
			 */
			if (span != NULL && end + 1 == m->key.p) {
				end = m->val.p + m->val.n;
				continue;
			}
			put_run(span, end, &nout);
			span = m->key.p;
			end = m->val.p + m->val.n;
			continue;
		}
		put_run(span, end, &nout);
		span = NULL;
		if (act == A_DROP) {
			st.dropped++;
			continue;
		}
		/* A dotted rule reaches into this object: descend. */
		if (act == A_KEEP && ndotted > 0 && m->val.type == JX_OBJECT &&
		    depth + 1 < MAXDEPTH && name != NULL &&
		    nlen + 1 < sizeof(fpath) && path_prefix(name, nlen)) {
			memmove(fpath, name, nlen);
			fpath[nlen] = '.';
			if (nout++)
				ob_putc(out, ',');
			if (scan)
				scan_str(m->key.p, m->key.n,
				    m->key.flags & JX_ESCAPED);
			else
				ob_write(out, m->key.p, m->key.n);
			ob_putc(out, ':');
			if (jx_parse(&sub[depth], m->val.p, m->val.n, &e) < 0)
				diag_fatal(STATUS_FAIL, "internal error: %s",
				    e.msg);
			mask_object(&sub[depth], nlen + 1, depth + 1);
			continue;
		}
		if (nout++)
			ob_putc(out, ',');
		if (scan && act == A_KEEP)
			scan_str(m->key.p, m->key.n,
			    m->key.flags & JX_ESCAPED);
		else
			ob_write(out, m->key.p, m->key.n);
		ob_putc(out, ':');
		switch (act) {
		case A_CARD:
			put_card(&m->val);
			break;
		case A_HASH:
			put_hashed(&m->val);
			break;
		case A_REDACT:
			ob_write(out, "null", 4);
			st.redacted++;
			break;
		default:
			put_value(&m->val);
			break;
		}
	}
	put_run(span, end, &nout);
	ob_putc(out, '}');
}

/* Mask every record of one input; 0, or -1 when it could not be read. */
static int
mask_file(const char *path, struct jx_doc *d)
{
	struct lineio *lr;
	struct jx_err e;
	char *line;
	size_t n;
	int rc;

	if ((lr = lr_open(path)) == NULL)
		return -1;
	while ((rc = lr_next(lr, &line, &n)) > 0) {
		if (jx_skip_ws(line, n) == n)
			continue;		/* blank lines are no records */
		st.in++;
		if (jx_parse(d, line, n, &e) < 0) {
			reject(lr_name(lr), lr_lineno(lr), (long long)e.off + 1,
			    1, e.msg, line, n);
			continue;
		}
		if (d->root.type != JX_OBJECT) {
			reject(lr_name(lr), lr_lineno(lr),
			    (long long)(d->root.p - line) + 1, 0,
			    "record is not a JSON object", line, n);
			continue;
		}
		mask_object(d, 0, 0);
		ob_end_record(out);
		st.out++;
	}
	if (lr_close(lr) < 0)
		rc = -1;
	return rc < 0 ? -1 : 0;
}

static void
write_stats(struct outbuf *ob)
{
	ob_printf(ob, "{\"tool\":\"ndjson-mask\",\"records_in\":%lld,"
	    "\"records_out\":%lld,\"rejected\":%lld,\"cards_masked\":%lld,"
	    "\"scan_masked\":%lld,\"dropped\":%lld,\"redacted\":%lld,"
	    "\"hashed\":%lld,\"invalid_cards\":%lld}", st.in, st.out,
	    st.rejected, st.cards, st.scanned, st.dropped, st.redacted,
	    st.hashed, st.invalid);
	ob_end_record(ob);
}

int
main(int argc, char *argv[])
{
	enum {
		O_CARD = 256, O_KEEP, O_DROP, O_HASH, O_KEY, O_REDACT,
		O_REJECTS, O_SCAN, O_STATS
	};
	static const struct option longopts[] = {
		{ "card",            required_argument, NULL, O_CARD },
		{ "card-keep-first", required_argument, NULL, O_KEEP },
		{ "drop",            required_argument, NULL, O_DROP },
		{ "hash",            required_argument, NULL, O_HASH },
		{ "help",            no_argument,       NULL, 'h' },
		{ "key-file",        required_argument, NULL, O_KEY },
		{ "redact",          required_argument, NULL, O_REDACT },
		{ "rejects",         required_argument, NULL, O_REJECTS },
		{ "scan",            no_argument,       NULL, O_SCAN },
		{ "stats",           required_argument, NULL, O_STATS },
		{ "unbuffered",      no_argument,       NULL, 'u' },
		{ "version",         no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *keyfile = NULL, *rejpath = NULL, *statspath = NULL;
	struct outbuf *stats = NULL;
	struct jx_doc d;
	int ch, i, hash = 0, unbuffered = 0, status = STATUS_OK;

	diag_init(argv[0]);
	argv[0] = (char *)diag_prog();	/* getopt's messages use it */
	while ((ch = getopt_long(argc, argv, "huV", longopts, NULL)) != -1) {
		switch (ch) {
		case O_CARD: add_rules(optarg, "--card", A_CARD); break;
		case O_KEEP:
			keep_first = args_long(optarg, "--card-keep-first", 0,
			    PAN_KEEP_MAX);
			break;
		case O_DROP: add_rules(optarg, "--drop", A_DROP); break;
		case O_HASH:
			add_rules(optarg, "--hash", A_HASH);
			hash = 1;
			break;
		case 'h': usage(STATUS_OK);
		case O_KEY: keyfile = optarg; break;
		case O_REDACT: add_rules(optarg, "--redact", A_REDACT); break;
		case O_REJECTS: rejpath = optarg; break;
		case O_SCAN: scan = 1; break;
		case O_STATS: statspath = optarg; break;
		case 'u': unbuffered = 1; break;
		case 'V': puts("ndjson-mask " VERSION); return STATUS_OK;
		default: usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (hash)
		load_key(keyfile);
	if (rejpath != NULL && (rej = rej_open(rejpath)) == NULL)
		return STATUS_FAIL;
	if (statspath != NULL && (stats = ob_create(statspath)) == NULL) {
		rej_close(rej);
		return STATUS_FAIL;
	}
	out = ob_open(STDOUT_FILENO, "<stdout>");
	ob_set_unbuffered(out, unbuffered);
	dec = ob_mem();
	tmp = ob_mem();
	jx_init(&d);
	for (i = 0; i < MAXDEPTH; i++)
		jx_init(&sub[i]);
	if (argc == 0 && mask_file("-", &d) < 0)
		status = STATUS_FAIL;
	for (i = 0; i < argc; i++)
		if (mask_file(argv[i], &d) < 0)	/* warn, go on */
			status = STATUS_FAIL;
	if (bad_records)
		status = STATUS_FAIL;
	if (ob_close(out) != 0)
		status = STATUS_FAIL;
	if (rej_close(rej) != 0)
		status = STATUS_FAIL;
	if (stats != NULL) {
		write_stats(stats);
		if (ob_close(stats) != 0)
			status = STATUS_FAIL;
	}
	jx_free(&d);
	for (i = 0; i < MAXDEPTH; i++)
		jx_free(&sub[i]);
	ob_close(dec);
	ob_close(tmp);
	EVP_MAC_CTX_free(mac);
	return status;
}
