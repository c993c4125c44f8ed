/*
 * ndjson-clean: standardise NDJSON records: snake_case keys, flattened
 * objects, trimmed values, empty strings as null, and UK phone numbers,
 * dates and e-mail addresses in one canonical form each.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/args.h"
#include "common/cdate.h"
#include "common/diag.h"
#include "common/email.h"
#include "common/hash.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/phone.h"
#include "common/rejects.h"
#include "common/snake.h"
#include "common/utrim.h"
#include "common/xalloc.h"

#define HELP_OPTIONS \
"Standardise NDJSON records: snake_case keys, nested objects flattened,\n" \
"strings trimmed, empty strings null.  FIELDS are output names, comma-\n" \
"separated; every option taking FIELDS may be repeated.\n" \
"\n" \
"      --date FIELDS        dates to YYYY-MM-DD (invalid: null)\n" \
"      --date-order ORDER   dmy (default, UK) or mdy (US) for 01/02/2023\n" \
"      --drop FIELDS        remove these fields (and their children)\n" \
"      --email FIELDS       e-mail addresses, lower case (invalid: null)\n" \
"  -h, --help               show this help and exit\n" \
"      --keep FIELDS        keep only these fields (and their children)\n" \
"      --on-collision HOW   error (default) or suffix (_2, _3, ...)\n" \
"      --phone FIELDS       UK phone numbers to E.164 (invalid: null)\n" \
"      --rejects FILE       write rejected records to FILE (NDJSON)\n" \
"      --rename OLD=NEW     rename output field OLD to NEW\n" \
"      --separator SEP      join flattened names with SEP (default __)\n" \
"      --stats FILE         write counts per field to FILE (JSON)\n" \
"      --strict             reject a record with a value that cannot be\n" \
"                           cleaned, instead of writing null\n" \
"  -u, --unbuffered         flush after every record\n" \
"  -V, --version            show the version and exit\n"

#define USAGE \
"usage: ndjson-clean [--rename OLD=NEW]... [--keep FIELDS] [--drop FIELDS]\n" \
"                    [--separator SEP] [--phone FIELDS] [--date FIELDS]\n" \
"                    [--date-order dmy|mdy] [--email FIELDS] [--strict]\n" \
"                    [--rejects FILE] [--stats FILE]\n" \
"                    [--on-collision error|suffix] [-u] [file ...]\n"

/* Caches stay bounded: beyond this many names, names are not memoised. */
#define MAX_NAMES	65536

enum {
	F_DROP = 0x1,		/* not written (--keep, --drop) */
	F_PHONE = 0x2,
	F_DATE = 0x4,
	F_EMAIL = 0x8,
	F_TEMP = 0x10,		/* not in the table: no stats */
	F_SUFFIXED = 0x20	/* made by --on-collision suffix */
};
#define F_TYPED	(F_PHONE | F_DATE | F_EMAIL)

/* An output field name, with its options and counters. */
struct name {
	struct name	*hnext;
	struct name	*list;		/* stats order; temp list */
	char		*s;
	size_t		 n;
	char		*q;		/* ,"name": ready to copy */
	size_t		 qn;
	unsigned	 flags;
	unsigned long long stamp;	/* the record that last used it */
	const char	*key;		/* its key there */
	size_t		 keyn;
	long long	 seen, changed, nulled, invalid, rejected;
	int		 next_k;	/* next suffix to try ... */
	unsigned long long k_stamp;	/* ... in this record */
};

/* A memoised key: (parent, raw key text) -> normalised path and name. */
struct centry {
	struct centry	*hnext;
	const struct centry *parent;
	char		*raw;
	size_t		 rawn;
	char		 norm[SNAKE_MAX + 1];	/* before --rename */
	size_t		 normn;
	struct name	*name;
	int		 temp;
};

/* Per-record counter updates, applied once the record is written. */
struct pending {
	struct name	*name;
	unsigned	 what;
};
enum { P_CHANGED = 1, P_NULLED = 2, P_INVALID = 4 };

struct rename {
	char	*from, *to;
};

static struct {
	const char	*sep;
	size_t		 sepn;
	struct rename	*ren;
	size_t		 nren;
	char		**keep, **drop, **phone, **date, **email;
	size_t		 nkeep, ndrop, nphone, ndate, nemail;
	int		 order, strict, suffix, unbuffered;
	struct rejects	*rej;
} opt = { "__", 2, NULL, 0, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0,
    CDATE_DMY, 0, 0, 0, NULL };

static struct {
	struct name	**hash;
	size_t		 hcap, count;
	struct name	*first, **last;	/* stats order */
	struct centry	**chash;
	size_t		 ccap, ccount;
	struct name	*temps, *free_names;
	struct centry	*ctemps;
	struct centry	*pos[64];	/* top-level key by position */
} tab;

static struct {
	long long	 in, out, rejected;
} count;

/*
 * The record being written: a plain buffer with inline appends, copied to
 * the output in one ob_write once the record is known to be good.
 */
static struct {
	char		*p;
	size_t		 n, cap;
	int		 count;		/* members written */
} rb;

static void
rb_grow(size_t need)
{
	while (rb.cap - rb.n < need)
		rb.cap = rb.cap ? rb.cap * 2 : 4096;
	rb.p = xrealloc(rb.p, rb.cap);
}

static inline void
rb_put(const void *p, size_t n)
{
	if (rb.cap - rb.n < n)
		rb_grow(n);
	memcpy(rb.p + rb.n, p, n);
	rb.n += n;
}

static inline void
rb_putc(char c)
{
	if (rb.cap == rb.n)
		rb_grow(1);
	rb.p[rb.n++] = c;
}

/* A string whose bytes need no escaping, with its quotes. */
static inline void
rb_safe_str(const char *s, size_t n)
{
	if (rb.cap - rb.n < n + 2)
		rb_grow(n + 2);
	rb.p[rb.n++] = '"';
	memcpy(rb.p + rb.n, s, n);
	rb.n += n;
	rb.p[rb.n++] = '"';
}

/* Scratch state reused by every record. */
static struct {
	struct outbuf	*esc, *str;
	struct jx_doc	 doc;
	struct pending	*pend;
	size_t		 npend, cpend;
	unsigned long long recno;
	const char	*file;
	long long	 line;
	char		 err[512];
	int		 failed;
} cur;

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs(USAGE, fp);
	fputs(status ? "Try 'ndjson-clean --help' for more information.\n" :
	    "\n" HELP_OPTIONS, fp);
	exit(status);
}

/*
 * memcmp(a, b, n) == 0 for the short keys and values of a record, without
 * a library call: 8 bytes at a time, then the tail.
 */
static inline int
same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;

	while (n >= 8) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return 0;
		a += 8;
		b += 8;
		n -= 8;
	}
	while (n > 0) {
		if (*a++ != *b++)
			return 0;
		n--;
	}
	return 1;
}

/* 1 when name equals f or starts with f followed by the separator. */
static int
covers(const char *f, const char *s, size_t n)
{
	size_t fn = strlen(f);

	if (fn > n || memcmp(f, s, fn) != 0)
		return 0;
	return fn == n || (n - fn > opt.sepn &&
	    memcmp(s + fn, opt.sep, opt.sepn) == 0);
}

/* 1 when list names s exactly (or, with children, covers it). */
static int
in_list(char **list, size_t nl, const char *s, size_t n, int children)
{
	size_t i;

	for (i = 0; i < nl; i++)
		if (children ? covers(list[i], s, n) :
		    (strlen(list[i]) == n && memcmp(list[i], s, n) == 0))
			return 1;
	return 0;
}

/*
 * Options of the field s (and of its name before --rename, alt, when not
 * NULL): either name may be listed.
 */
static unsigned
flags_for(const char *s, size_t n, const char *alt, size_t altn)
{
	unsigned f = 0;
	int keep, drop;

	keep = in_list(opt.keep, opt.nkeep, s, n, 1);
	drop = in_list(opt.drop, opt.ndrop, s, n, 1);
	if (in_list(opt.phone, opt.nphone, s, n, 0))
		f |= F_PHONE;
	if (in_list(opt.date, opt.ndate, s, n, 0))
		f |= F_DATE;
	if (in_list(opt.email, opt.nemail, s, n, 0))
		f |= F_EMAIL;
	if (alt != NULL) {
		keep |= in_list(opt.keep, opt.nkeep, alt, altn, 1);
		drop |= in_list(opt.drop, opt.ndrop, alt, altn, 1);
		if (!(f & F_TYPED)) {
			if (in_list(opt.phone, opt.nphone, alt, altn, 0))
				f |= F_PHONE;
			else if (in_list(opt.date, opt.ndate, alt, altn, 0))
				f |= F_DATE;
			else if (in_list(opt.email, opt.nemail, alt, altn, 0))
				f |= F_EMAIL;
		}
	}
	if ((opt.nkeep > 0 && !keep) || drop)
		f |= F_DROP;
	return f;
}

/* Names are [A-Za-z0-9_] only: the quoted form needs no escaping. */
static void
name_quote(struct name *nm)
{
	nm->q = xrealloc(nm->q, nm->n + 4);
	nm->q[0] = ',';
	nm->q[1] = '"';
	memcpy(nm->q + 2, nm->s, nm->n);
	nm->q[nm->n + 2] = '"';
	nm->q[nm->n + 3] = ':';
	nm->qn = nm->n + 4;
}

/* Double the name hash table (load factor at most 1). */
static void
name_rehash(void)
{
	struct name **h, *nm, *next;
	size_t i, b, cap = tab.hcap ? tab.hcap * 2 : 256;

	h = xcalloc(cap, sizeof(*h));
	for (i = 0; i < tab.hcap; i++)
		for (nm = tab.hash[i]; nm != NULL; nm = next) {
			next = nm->hnext;
			b = hash_fast(0, nm->s, nm->n) & (cap - 1);
			nm->hnext = h[b];
			h[b] = nm;
		}
	free(tab.hash);
	tab.hash = h;
	tab.hcap = cap;
}

/*
 * The name s[0, n): from the table, or a temporary one past the cap.  A
 * new name gets the options of s (and of alt, its name before --rename)
 * or, when inherit is not zero, those of the name it is a suffixed copy of.
 */
static struct name *
name_get(const char *s, size_t n, const char *alt, size_t altn,
    unsigned inherit)
{
	struct name *nm;
	uint64_t h = hash_fast(0, s, n);

	if (tab.hcap > 0)
		for (nm = tab.hash[h & (tab.hcap - 1)]; nm; nm = nm->hnext)
			if (nm->n == n && memcmp(nm->s, s, n) == 0)
				return nm;
	if (tab.count >= MAX_NAMES) {
		/* Reuse a temporary name within this record only. */
		for (nm = tab.temps; nm != NULL; nm = nm->list)
			if (nm->n == n && memcmp(nm->s, s, n) == 0)
				return nm;
		if ((nm = tab.free_names) != NULL) {
			tab.free_names = nm->list;
		} else {
			nm = xcalloc(1, sizeof(*nm));
			nm->s = xmalloc(SNAKE_MAX + 16);
		}
		memcpy(nm->s, s, n);
		nm->n = n;
		name_quote(nm);
		nm->flags = (inherit ? inherit : flags_for(s, n, alt, altn)) |
		    F_TEMP;
		nm->stamp = 0;
		nm->k_stamp = 0;
		nm->list = tab.temps;
		tab.temps = nm;
		return nm;
	}
	if (tab.count + 1 > tab.hcap)
		name_rehash();
	nm = xcalloc(1, sizeof(*nm));
	nm->s = xmemdup(s, n);
	nm->n = n;
	name_quote(nm);
	nm->flags = inherit ? inherit : flags_for(s, n, alt, altn);
	nm->hnext = tab.hash[h & (tab.hcap - 1)];
	tab.hash[h & (tab.hcap - 1)] = nm;
	tab.count++;
	*tab.last = nm;
	tab.last = &nm->list;
	return nm;
}

/* Normalised path of key under parent, and the name after --rename. */
static void
centry_fill(struct centry *ce, const struct centry *parent,
    const char *key, size_t keyn)
{
	char buf[SNAKE_MAX + 1];
	size_t n, k, i;
	const char *s;

	n = snake_case(key, keyn, buf);
	if (parent == NULL) {
		memcpy(ce->norm, buf, n + 1);
		ce->normn = n;
	} else {
		/* Inside a path a leading digit needs no '_'. */
		s = buf;
		if (n > 1 && buf[0] == '_' && buf[1] >= '0' && buf[1] <= '9')
			s++, n--;
		k = parent->normn;
		memcpy(ce->norm, parent->norm, k);
		for (i = 0; i < opt.sepn && k < SNAKE_MAX; i++)
			ce->norm[k++] = opt.sep[i];
		for (i = 0; i < n && k < SNAKE_MAX; i++)
			ce->norm[k++] = s[i];
		while (k > 1 && ce->norm[k - 1] == '_')
			k--;
		ce->norm[k] = '\0';
		ce->normn = k;
	}
	ce->name = NULL;
	for (i = 0; i < opt.nren; i++)
		if (strlen(opt.ren[i].from) == ce->normn &&
		    memcmp(opt.ren[i].from, ce->norm, ce->normn) == 0) {
			ce->name = name_get(opt.ren[i].to,
			    strlen(opt.ren[i].to), ce->norm, ce->normn, 0);
			break;
		}
	if (ce->name == NULL)
		ce->name = name_get(ce->norm, ce->normn, NULL, 0, 0);
}

/* Double the key cache's hash table. */
static void
centry_rehash(void)
{
	struct centry **h, *ce, *next;
	size_t i, b, cap = tab.ccap ? tab.ccap * 2 : 256;

	h = xcalloc(cap, sizeof(*h));
	for (i = 0; i < tab.ccap; i++)
		for (ce = tab.chash[i]; ce != NULL; ce = next) {
			next = ce->hnext;
			b = hash_fast((uintptr_t)ce->parent, ce->raw,
			    ce->rawn) & (cap - 1);
			ce->hnext = h[b];
			h[b] = ce;
		}
	free(tab.chash);
	tab.chash = h;
	tab.ccap = cap;
}

/*
 * The memoised entry for the raw key text (quotes included) under parent.
 * Past the cap a temporary entry lives until the end of the record.
 */
static struct centry *
centry_get(const struct centry *parent, const char *raw, size_t rawn)
{
	struct centry *ce;
	const char *key;
	size_t keyn;
	uint64_t h = hash_fast((uintptr_t)parent, raw, rawn);
	struct jx_val v;

	if (tab.ccap > 0)
		for (ce = tab.chash[h & (tab.ccap - 1)]; ce; ce = ce->hnext)
			if (ce->parent == parent && ce->rawn == rawn &&
			    same_bytes(ce->raw, raw, rawn))
				return ce;
	v.p = raw;
	v.n = rawn;
	v.type = JX_STRING;
	v.flags = memchr(raw, '\\', rawn) != NULL ? JX_ESCAPED : 0;
	key = jx_str(&v, cur.str, &keyn);
	ce = xcalloc(1, sizeof(*ce));
	/* A full name table may hand out a temporary name, which must not
	 * outlive the record in a cached entry. */
	if (tab.ccount >= MAX_NAMES || tab.count >= MAX_NAMES) {
		ce->temp = 1;
		ce->hnext = tab.ctemps;
		tab.ctemps = ce;
		ce->parent = parent;
		centry_fill(ce, parent, key, keyn);
		return ce;
	}
	if (tab.ccount + 1 > tab.ccap)
		centry_rehash();
	ce->raw = xmemdup(raw, rawn);
	ce->rawn = rawn;
	ce->parent = parent;
	centry_fill(ce, parent, key, keyn);
	ce->hnext = tab.chash[h & (tab.ccap - 1)];
	tab.chash[h & (tab.ccap - 1)] = ce;
	tab.ccount++;
	return ce;
}

/* Forget the temporary names and entries of the last record. */
static void
temps_reset(void)
{
	struct centry *ce, *next;
	struct name *nm, *nn;

	for (ce = tab.ctemps; ce != NULL; ce = next) {
		next = ce->hnext;
		free(ce);
	}
	tab.ctemps = NULL;
	for (nm = tab.temps; nm != NULL; nm = nn) {
		nn = nm->list;
		nm->list = tab.free_names;
		tab.free_names = nm;
	}
	tab.temps = NULL;
}

/* Count nm as seen (what == 0) or changed etc. if the record is kept. */
static inline void
pend(struct name *nm, unsigned what)
{
	if (cur.npend == cur.cpend) {
		cur.cpend = cur.cpend ? cur.cpend * 2 : 64;
		cur.pend = xreallocarray(cur.pend, cur.cpend,
		    sizeof(*cur.pend));
	}
	cur.pend[cur.npend].name = nm;
	cur.pend[cur.npend].what = what;
	cur.npend++;
}

/* Record why the current record fails; the first reason wins. */
static void
fail_record(const char *fmt, ...) DIAG_PRINTF(1, 2);

static void
fail_record(const char *fmt, ...)
{
	va_list ap;

	if (cur.failed)
		return;
	cur.failed = 1;
	va_start(ap, fmt);
	vsnprintf(cur.err, sizeof(cur.err), fmt, ap);
	va_end(ap);
}

/* The name a member writes to, after collision handling; NULL: failed. */
static struct name *
claim(struct name *nm, const char *key, size_t keyn)
{
	char buf[SNAKE_MAX + 16];
	struct name *alt;
	size_t base;
	int k;

	if (nm->stamp != cur.recno) {
		nm->stamp = cur.recno;
		nm->key = key;
		nm->keyn = keyn;
		return nm;
	}
	if (!opt.suffix) {
		fail_record("keys %.*s and %.*s both become \"%.*s\"",
		    (int)(nm->keyn > 100 ? 100 : nm->keyn), nm->key,
		    (int)(keyn > 100 ? 100 : keyn), key, (int)nm->n, nm->s);
		nm->rejected++;
		return NULL;
	}
	/* Suffixes already handed out in this record need no second try. */
	k = nm->k_stamp == cur.recno ? nm->next_k : 2;
	for (; ; k++) {
		base = nm->n;
		/* keep room for the suffix within the limit */
		if (base + 12 > SNAKE_MAX)
			base = SNAKE_MAX - 12;
		memcpy(buf, nm->s, base);
		base += snprintf(buf + base, 16, "_%d", k);
		alt = name_get(buf, base, NULL, 0,
		    (nm->flags & ~F_TEMP) | F_SUFFIXED);
		if (alt->stamp != cur.recno) {
			alt->stamp = cur.recno;
			alt->key = key;
			alt->keyn = keyn;
			nm->k_stamp = cur.recno;
			nm->next_k = k + 1;
			return alt;
		}
	}
}

/* Clean a value of a --phone/--date/--email field; 0 when invalid. */
static size_t
typed(unsigned flags, const char *s, size_t n, char *out, const char **why)
{
	if (flags & F_PHONE)
		return phone_e164(s, n, out, why);
	if (flags & F_DATE)
		return cdate_iso(s, n, opt.order, out, why);
	return email_clean(s, n, out, why);
}

/* What a typed field holds, for messages. */
static const char *
typed_what(unsigned flags)
{
	return flags & F_PHONE ? "phone number" : flags & F_DATE ? "date" :
	    "e-mail address";
}

/* A decoded string that may need escaping. */
static void
rb_json_str(const char *s, size_t n)
{
	size_t len;
	const char *e;

	ob_truncate(cur.esc, 0);
	ob_json_str(cur.esc, s, n);
	e = ob_data(cur.esc, &len);
	rb_put(e, len);
}

/* Write one leaf member (name already claimed) with its cleaned value. */
static void
put_leaf(struct name *nm, const struct jx_val *v)
{
	char out[EMAIL_MAX + 1];
	const char *s, *why = NULL, *t;
	size_t n, tn, on;
	int escaped = v->type == JX_STRING && (v->flags & JX_ESCAPED);
	unsigned what = 0;

	if (rb.count++)
		rb_put(nm->q, nm->qn);
	else
		rb_put(nm->q + 1, nm->qn - 1);
	if (v->type == JX_STRING || (v->type == JX_NUMBER &&
	    (nm->flags & F_TYPED))) {
		if (v->type == JX_STRING) {
			s = jx_str(v, cur.str, &n);
		} else {
			s = v->p;
			n = v->n;
		}
		t = s;
		tn = utrim(&t, n);
		if (tn == 0) {
			rb_put("null", 4);
			what = P_CHANGED | P_NULLED;
		} else if (nm->flags & F_TYPED) {
			on = typed(nm->flags, t, tn, out, &why);
			if (on == 0) {
				rb_put("null", 4);
				if (opt.strict) {
					fail_record("%s: invalid %s (%s)",
					    nm->s, typed_what(nm->flags), why);
					nm->rejected++;
				}
				what = P_CHANGED | P_NULLED | P_INVALID;
			} else {
				/* phones, dates and plausible e-mail
				 * addresses need no escaping */
				rb_safe_str(out, on);
				if (v->type != JX_STRING || escaped ||
				    on != n || !same_bytes(out, s, n))
					what = P_CHANGED;
			}
		} else if (tn == n) {
			rb_put(v->p, v->n);
		} else if (!escaped) {
			/* a slice of unescaped JSON text is still JSON */
			rb_safe_str(t, tn);
			what = P_CHANGED;
		} else {
			rb_json_str(t, tn);
			what = P_CHANGED;
		}
	} else if (v->type == JX_NULL) {
		rb_put("null", 4);
	} else if (nm->flags & F_TYPED) {
		/* true, false and arrays are no phone number or date */
		rb_put("null", 4);
		if (opt.strict) {
			fail_record("%s: invalid %s (not a string)", nm->s,
			    typed_what(nm->flags));
			nm->rejected++;
		}
		what = P_CHANGED | P_NULLED | P_INVALID;
	} else if (v->type == JX_ARRAY) {
		ob_truncate(cur.esc, 0);
		jx_compact(cur.esc, v->p, v->n);
		rb_put(ob_data(cur.esc, NULL), ob_len(cur.esc));
	} else {
		rb_put(v->p, v->n);
	}
	if (!(nm->flags & F_TEMP))
		pend(nm, what);
}

static void members(const struct centry *parent, const char *p,
    size_t n);

/* One member: flatten an object, else write the leaf. */
static void
member(const struct centry *parent,
    const struct jx_val *key, const struct jx_val *val, int pos)
{
	struct centry *ce;
	struct name *nm;

	ce = NULL;
	if (pos >= 0 && pos < 64 && (ce = tab.pos[pos]) != NULL &&
	    !(ce->rawn == key->n && same_bytes(ce->raw, key->p, key->n)))
		ce = NULL;
	if (ce == NULL) {
		ce = centry_get(parent, key->p, key->n);
		if (pos >= 0 && pos < 64 && !ce->temp)
			tab.pos[pos] = ce;
	}
	if (val->type == JX_OBJECT) {
		members(ce, val->p, val->n);
		return;
	}
	if ((nm = claim(ce->name, key->p, key->n)) == NULL)
		return;
	if (nm->flags & F_DROP)
		return;
	put_leaf(nm, val);
}

/* The members of a nested object (already validated). */
static void
members(const struct centry *parent, const char *p, size_t n)
{
	struct jx_val k, v;
	struct jx_err e;
	size_t i = 1;

	i += jx_skip_ws(p + i, n - i);
	while (i < n && p[i] != '}') {
		k.p = p + i;
		k.n = jx_scan(p + i, n - i, &k.type, &e);
		k.flags = 0;
		i += k.n;
		i += jx_skip_ws(p + i, n - i);
		i++;	/* ':' */
		i += jx_skip_ws(p + i, n - i);
		v.p = p + i;
		v.n = jx_scan(p + i, n - i, &v.type, &e);
		v.flags = v.type == JX_STRING &&
		    memchr(v.p, '\\', v.n) != NULL ? JX_ESCAPED : 0;
		i += v.n;
		i += jx_skip_ws(p + i, n - i);
		if (i < n && p[i] == ',') {
			i++;
			i += jx_skip_ws(p + i, n - i);
		}
		if (k.n == 0 || v.n == 0)
			break;	/* cannot happen: validated by jx_parse */
		member(parent, &k, &v, -1);
	}
}

/*
 * Skip the current record: into the rejects file when there is one (the
 * column goes into the error text), else a warning at file:line[:col].
 */
static void
reject(const char *line, size_t len, long long col, const char *msg)
{
	char buf[600];

	count.rejected++;
	if (opt.rej != NULL) {
		if (col > 0) {
			snprintf(buf, sizeof(buf), "%s (column %lld)", msg,
			    col);
			msg = buf;
		}
		rej_write(opt.rej, cur.file, cur.line, msg, line, len);
		return;
	}
	diag_warn_at(cur.file, cur.line, col, "%s", msg);
}

/* Clean one line into out; returns 0, or 1 when the record failed. */
static int
record(struct outbuf *out, const char *line, size_t len)
{
	struct jx_err e;
	long long l, col;
	size_t i;
	unsigned what;
	struct name *nm;

	cur.recno++;
	cur.failed = 0;
	cur.npend = 0;
	if (jx_parse(&cur.doc, line, len, &e) != 0) {
		count.in++;
		jx_linecol(line, e.off, &l, &col);
		reject(line, len, col, e.msg);
		return opt.rej == NULL;
	}
	count.in++;
	if (cur.doc.root.type != JX_OBJECT) {
		jx_linecol(line, cur.doc.root.p - line, &l, &col);
		reject(line, len, col, "not a JSON object");
		return opt.rej == NULL;
	}
	rb.n = 0;
	rb.count = 0;
	rb_putc('{');
	for (i = 0; i < cur.doc.n; i++)
		member(NULL, &cur.doc.m[i].key, &cur.doc.m[i].val, (int)i);
	rb_putc('}');
	if (tab.ctemps != NULL || tab.temps != NULL)
		temps_reset();
	if (cur.failed) {
		cur.failed = 0;
		reject(line, len, 0, cur.err);
		return opt.rej == NULL;
	}
	for (i = 0; i < cur.npend; i++) {
		nm = cur.pend[i].name;
		what = cur.pend[i].what;
		nm->seen++;
		if (what == 0)
			continue;
		nm->changed += (what & P_CHANGED) != 0;
		nm->nulled += (what & P_NULLED) != 0;
		nm->invalid += (what & P_INVALID) != 0;
	}
	rb_putc('\n');
	ob_write(out, rb.p, rb.n);
	if (opt.unbuffered)
		ob_flush(out);
	count.out++;
	return 0;
}

/* Clean every line of one input; STATUS_FAIL after a bad record. */
static int
clean(const char *path, struct outbuf *out)
{
	struct lineio *lr;
	char *line;
	size_t len, i;
	int rc, status = STATUS_OK;

	if ((lr = lr_open(path)) == NULL)
		return STATUS_FAIL;
	cur.file = lr_name(lr);
	while ((rc = lr_next(lr, &line, &len)) == 1) {
		cur.line = lr_lineno(lr);
		/* blank lines are no records */
		for (i = 0; i < len && (line[i] == ' ' || line[i] == '\t' ||
		    line[i] == '\r'); i++)
			;
		if (i == len)
			continue;
		if (record(out, line, len) != 0)
			status = STATUS_FAIL;
	}
	if (rc < 0)
		status = STATUS_FAIL;
	if (lr_close(lr) != 0)
		status = STATUS_FAIL;
	return status;
}

/* The --stats object; 0, or -1 after a reported error. */
static int
write_stats(const char *path)
{
	struct outbuf *ob;
	struct name *nm;
	int first = 1;

	if ((ob = ob_create(path)) == NULL)
		return -1;
	ob_printf(ob, "{\"tool\":\"ndjson-clean\",\"records_in\":%lld,"
	    "\"records_out\":%lld,\"rejected\":%lld,\"fields\":{",
	    count.in, count.out, count.rejected);
	for (nm = tab.first; nm != NULL; nm = nm->list) {
		if (nm->seen == 0 && nm->rejected == 0)
			continue;
		if (!first)
			ob_putc(ob, ',');
		first = 0;
		ob_json_str(ob, nm->s, nm->n);
		ob_printf(ob, ":{\"seen\":%lld,\"changed\":%lld,"
		    "\"nulled\":%lld,\"invalid\":%lld,\"rejected\":%lld}",
		    nm->seen, nm->changed, nm->nulled, nm->invalid,
		    nm->rejected);
	}
	ob_puts(ob, "}}\n");
	return ob_close(ob);
}

/* --rename OLD=NEW: NEW must be a column name (usage error otherwise). */
static void
add_rename(const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || !snake_valid(eq + 1, strlen(eq + 1))) {
		diag_msg("invalid rename '%s': expected OLD=NEW with NEW a "
		    "column name ([A-Za-z_][A-Za-z0-9_]*)", arg);
		usage(STATUS_USAGE);
	}
	opt.ren = xreallocarray(opt.ren, opt.nren + 1, sizeof(*opt.ren));
	opt.ren[opt.nren].from = xmemdup(arg, eq - arg);
	opt.ren[opt.nren].to = xstrdup(eq + 1);
	opt.nren++;
}

/* A field cleaned two ways is a usage error. */
static void
check_options(void)
{
	size_t i;

	for (i = 0; i < opt.nphone; i++)
		if (in_list(opt.date, opt.ndate, opt.phone[i],
		    strlen(opt.phone[i]), 0) || in_list(opt.email, opt.nemail,
		    opt.phone[i], strlen(opt.phone[i]), 0))
			goto both;
	for (i = 0; i < opt.ndate; i++)
		if (in_list(opt.email, opt.nemail, opt.date[i],
		    strlen(opt.date[i]), 0))
			goto both;
	return;
both:
	diag_msg("a field can have only one of --phone, --date, --email");
	usage(STATUS_USAGE);
}

/* Long options without a short form: values past any char. */
enum {
	OPT_DATE = 256, OPT_DATE_ORDER, OPT_DROP, OPT_EMAIL, OPT_KEEP,
	OPT_ON_COLLISION, OPT_PHONE, OPT_REJECTS, OPT_RENAME, OPT_SEPARATOR,
	OPT_STATS, OPT_STRICT
};

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "date",         required_argument, NULL, OPT_DATE },
		{ "date-order",   required_argument, NULL, OPT_DATE_ORDER },
		{ "drop",         required_argument, NULL, OPT_DROP },
		{ "email",        required_argument, NULL, OPT_EMAIL },
		{ "help",         no_argument,       NULL, 'h' },
		{ "keep",         required_argument, NULL, OPT_KEEP },
		{ "on-collision", required_argument, NULL, OPT_ON_COLLISION },
		{ "phone",        required_argument, NULL, OPT_PHONE },
		{ "rejects",      required_argument, NULL, OPT_REJECTS },
		{ "rename",       required_argument, NULL, OPT_RENAME },
		{ "separator",    required_argument, NULL, OPT_SEPARATOR },
		{ "stats",        required_argument, NULL, OPT_STATS },
		{ "strict",       no_argument,       NULL, OPT_STRICT },
		{ "unbuffered",   no_argument,       NULL, 'u' },
		{ "version",      no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const orders[] = { "dmy", "mdy", NULL };
	static const char *const collisions[] = { "error", "suffix", NULL };
	const char *rejects = NULL, *stats = NULL;
	struct outbuf *out;
	int ch, i, status = STATUS_OK;

	diag_init(argv[0]);
	opterr = 0;	/* our own messages, with our own name */
	while ((ch = getopt_long(argc, argv, ":huV", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_DATE:
			args_list(optarg, "--date", &opt.date, &opt.ndate);
			break;
		case OPT_DATE_ORDER:
			opt.order = args_choice(optarg, "--date-order", orders)
			    ? CDATE_MDY : CDATE_DMY;
			break;
		case OPT_DROP:
			args_list(optarg, "--drop", &opt.drop, &opt.ndrop);
			break;
		case OPT_EMAIL:
			args_list(optarg, "--email", &opt.email, &opt.nemail);
			break;
		case 'h':
			usage(STATUS_OK);
		case OPT_KEEP:
			args_list(optarg, "--keep", &opt.keep, &opt.nkeep);
			break;
		case OPT_ON_COLLISION:
			opt.suffix = args_choice(optarg, "--on-collision",
			    collisions);
			break;
		case OPT_PHONE:
			args_list(optarg, "--phone", &opt.phone, &opt.nphone);
			break;
		case OPT_REJECTS:
			rejects = optarg;
			break;
		case OPT_RENAME:
			add_rename(optarg);
			break;
		case OPT_SEPARATOR:
			/* the separator ends up inside column names */
			if (optarg[0] == '\0' || strlen(optarg) > 16 ||
			    strspn(optarg, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
			    strlen(optarg)) {
				diag_msg("invalid separator '%s': use 1 to 16 "
				    "of A-Z a-z 0-9 _", optarg);
				usage(STATUS_USAGE);
			}
			opt.sep = optarg;
			opt.sepn = strlen(optarg);
			break;
		case OPT_STATS:
			stats = optarg;
			break;
		case OPT_STRICT:
			opt.strict = 1;
			break;
		case 'u':
			opt.unbuffered = 1;
			break;
		case 'V':
			puts("ndjson-clean " VERSION);
			return STATUS_OK;
		case ':':
			diag_msg("option '%s' needs an argument",
			    argv[optind - 1]);
			usage(STATUS_USAGE);
		default:
			args_bad_option(argv);
			usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	check_options();

	tab.last = &tab.first;
	cur.esc = ob_mem();
	cur.str = ob_mem();
	jx_init(&cur.doc);
	if (rejects != NULL && (opt.rej = rej_open(rejects)) == NULL)
		return STATUS_FAIL;
	out = ob_open(STDOUT_FILENO, "<stdout>");
	ob_set_unbuffered(out, opt.unbuffered);
	if (argc == 0 && clean("-", out) != STATUS_OK)
		status = STATUS_FAIL;
	for (i = 0; i < argc; i++)
		if (clean(argv[i], out) != STATUS_OK)
			status = STATUS_FAIL;
	if (ob_close(out) != 0)
		status = STATUS_FAIL;
	if (rej_close(opt.rej) != 0)
		status = STATUS_FAIL;
	if (stats != NULL && write_stats(stats) != 0)
		status = STATUS_FAIL;
	return status;
}
