/*
 * ndjson-join: join two NDJSON streams on a (composite) key, and give
 * every output record a stable identifier.
 *
 * Hash mode (the default) reads RIGHT into memory (raw record bytes in an
 * arena, an open-addressing table of key groups) and streams LEFT through
 * it, so LEFT may be of any size.  --sorted merges two inputs sorted by
 * key in constant memory (plus the largest group of equal right keys).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/hash.h"
#include "common/jsonx.h"
#include "common/keynorm.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/rejects.h"
#include "common/xalloc.h"

#define NIL		UINT32_MAX
#define ID_MASK		((UINT64_C(1) << 53) - 1)
/* The fixed SipHash key of customer_id: the ASCII bytes "ndjson-etl id v1". */
#define ID_K0		UINT64_C(0x652d6e6f736a646e)
#define ID_K1		UINT64_C(0x3176206469206c74)
/* Fixed keys for the hash of the input records (true duplicates). */
#define CHK_K0		UINT64_C(0x0123456789abcdef)
#define CHK_K1		UINT64_C(0xfedcba9876543210)

enum { T_INNER, T_LEFT, T_RIGHT, T_FULL };
enum { D_ALL, D_FIRST, D_LAST, D_ERROR, D_NONE };
enum { P_LEFT, P_RIGHT, P_NONNULL };

#define R_JOINED	0x1	/* appeared in a joined output record */
#define R_BODY		0x2	/* body is computed */

/* Records whose table lookups overlap (see probe). */
#define BATCH		16

/* A right-side record; a group of equal keys is chained from its head. */
struct brec {
	const char	*line;	/* the raw record, NUL-terminated */
	uint32_t	 len, klen;
	uint64_t	 body;	/* hash of the non-key members (R_BODY) */
	long long	 lineno;
	uint32_t	 next;	/* next record of the group, or NIL */
	uint32_t	 last;	/* head only: the group's last record */
	uint32_t	 count;	/* head only: records in the group */
	unsigned char	 flags;
	unsigned char	 canmatch;
	unsigned char	 ambig;	/* head only: duplicates that differ */
	unsigned char	 head;	/* first record of its group */
	uint32_t	 lhits;	/* head only: left records with this key */
};

/*
 * A table slot: the key's hash and the key itself, in the arena right
 * after its record's index and length, so that a probe touches one slot
 * and one run of arena bytes (key, then the record) and no struct brec
 * unless it matches.  key NULL: empty.
 */
struct slot {
	uint64_t	 h;
	const char	*key;
};

struct chunk {
	struct chunk	*prev;
	size_t		 used, cap;
	char		 data[];
};

/* A customer_id already handed out: where, and from which input bytes. */
struct idrec {
	uint64_t	 rec;
	const char	*file;
	long long	 line;
};

/*
 * An identifier's slot: the full 64-bit hash of the identity (the id is
 * its low bits, so the rest tells a collision from a repeat) and where
 * the record is.  used 0: empty.
 */
struct idslot {
	uint64_t	 full;
	uint32_t	 idx, used;
};

struct keys {
	char		**name;
	size_t		 *len;
	size_t		  n;
	unsigned char	 *ident;	/* counts towards "not all empty" */
	unsigned char	 *req;		/* must be non-empty */
};

static struct {
	int		 type, dups, prefer, fold, sorted, decorate;
	struct keys	 lk, rk;
	char		**identity, **require, **idfrom;
	size_t		 nidentity, nrequire, nidfrom;
	const char	*idfield;
	size_t		 idfieldlen, *idfromlen;
	uint64_t	 k0, k1, idmask;

	struct outbuf	*out, *unm, *kb, *sb, *ib, *tmp;
	struct rejects	*rej;
	struct jx_doc	 ldoc, rdoc, bdoc;
	struct jx_writer w;

	/* hash mode: the build side */
	struct brec	*recs;
	size_t		 nrecs, caprecs;
	struct slot	*slots;
	size_t		 nslots, nheads;
	struct chunk	*arena;
	struct {			/* records on their way in */
		uint64_t	 h;
		const char	*key;	/* in the arena, after index, length */
		size_t		 klen;
	}		 bq[BATCH];
	size_t		 nbq;
	void		*map;	/* a mapped right file */
	size_t		 maplen;
	/* left keys seen, for left_dup_keys: hash -> count */
	uint64_t	*lseen;
	uint32_t	*lcount;
	size_t		 nlseen, caplseen;

	/* ids handed out */
	struct idrec	*ids;
	size_t		 nids, capids;
	struct idslot	*idslots;
	size_t		 nidslots;

	const char	*lname, *rname;	/* file names for messages */
	long long	 left, right, matched, lunmatched, runmatched;
	long long	 ldups, rdups, ambiguous, lempty, rempty, out_n;
	long long	 rejected, iddups;
	int		 status;
} J;

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: ndjson-join [options] -k keys | --left-key keys "
	    "--right-key keys left right\n"
	    "       ndjson-join --decorate -k keys [file]\n"
	    "       ndjson-join --id field --id-from fields [file]\n", fp);
	if (status) {
		fputs("Try 'ndjson-join --help' for more information.\n", fp);
		exit(status);
	}
	fputs("Join LEFT and RIGHT NDJSON records on a key; - is stdin.\n"
	    "  -k, --key FIELDS        key fields, same name on both sides\n"
	    "      --left-key FIELDS   key fields of LEFT\n"
	    "      --right-key FIELDS  key fields of RIGHT (same count)\n"
	    "  -t, --type TYPE         inner, left, right or full (left)\n"
	    "  -f, --fold              trim, collapse spaces, ASCII lower case\n"
	    "      --identity FIELDS   key fields of which one must be "
	    "non-empty\n"
	    "                          for a match (all key fields)\n"
	    "      --require FIELDS    key fields that must be non-empty\n"
	    "      --dups POLICY       duplicate right keys: all, first, last,"
	    "\n                          error or none (all)\n"
	    "      --prefer SIDE       shared non-key fields: left, right or\n"
	    "                          nonnull (left)\n"
	    "      --sorted            merge inputs sorted by key (constant "
	    "memory)\n"
	    "      --decorate          print hex key, tab, record (for sort)\n"
	    "      --unmatched FILE    write unmatched records there\n"
	    "      --rejects FILE      write invalid records there\n"
	    "      --stats FILE        write counters as one JSON object\n"
	    "      --id FIELD          add a stable identifier field\n"
	    "      --id-from FIELDS    output fields the identifier is made of\n"
	    "      --id-bits N         identifier bits, 1-63 (53)\n"
	    "  -u, --unbuffered        flush every record\n"
	    "  -h, --help              this text\n"
	    "  -V, --version           print the version\n", fp);
	exit(status);
}

static _Noreturn void
usage_error(const char *msg)
{
	diag_msg("%s", msg);
	usage(STATUS_USAGE);
}

/* ---- storage ---- */

#define HUGE_PAGE	(2u << 20)

/*
 * Zeroed memory for the big random-access structures (the arena and the
 * slot table), on transparent huge pages where the kernel allows: a probe
 * then costs cache misses but rarely a TLB miss too.
 */
static void *
huge_alloc(size_t n, int zero)
{
	void *p;

	if (n < HUGE_PAGE)
		return xcalloc(1, n);
	n = (n + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
	if (posix_memalign(&p, HUGE_PAGE, n) != 0)
		diag_fatal(STATUS_FAIL, "out of memory");
#ifdef MADV_HUGEPAGE
	(void)madvise(p, n, MADV_HUGEPAGE);
#endif
	if (zero)
		memset(p, 0, n);
	return p;
}

static char *
arena_alloc(size_t n)
{
	struct chunk *c = J.arena;
	size_t cap;

	if (c == NULL || c->cap - c->used < n) {
		cap = n > (8u << 20) ? n : (8u << 20) - sizeof(*c);
		c = huge_alloc(sizeof(*c) + cap, 0);
		c->prev = J.arena;
		c->used = 0;
		c->cap = cap;
		J.arena = c;
	}
	c->used += n;
	return c->data + c->used - n;
}

static void
arena_free(void)
{
	struct chunk *c;

	while ((c = J.arena) != NULL) {
		J.arena = c->prev;
		free(c);
	}
}

/* ---- keys ---- */

static void
keys_set(struct keys *k, char **names, size_t n)
{
	size_t i;

	k->name = names;
	k->n = n;
	k->len = xcalloc(n, sizeof(*k->len));
	k->ident = xcalloc(n, 1);
	k->req = xcalloc(n, 1);
	for (i = 0; i < n; i++)
		k->len[i] = strlen(names[i]);
}

static void
keys_free(struct keys *k)
{
	args_list_free(k->name);
	free(k->len);
	free(k->ident);
	free(k->req);
}

/* Append one value, normalised, to ob; returns the bytes added. */
static size_t
put_value(struct outbuf *ob, const struct jx_val *v, int fold)
{
	const char *s;
	size_t n;

	if (v == NULL || v->type == JX_NULL)
		return 0;
	if (v->type != JX_STRING) {
		ob_write(ob, v->p, v->n);
		return v->n;
	}
	s = jx_str(v, J.sb, &n);
	if (fold)
		return kn_fold(ob, s, n);
	ob_write(ob, s, n);
	return n;
}

/*
 * The normalised key of d in J.kb: parts separated by NUL, null and
 * missing parts empty.  Returns 1 when the key may match at all: some
 * identity part is non-empty and every required part is.
 */
static int
make_key(const struct jx_doc *d, const struct keys *k)
{
	const struct jx_member *m;
	size_t i;
	int ident = 0, ok = 1;

	ob_truncate(J.kb, 0);
	for (i = 0; i < k->n; i++) {
		if (i > 0)
			ob_putc(J.kb, '\0');
		m = jx_get(d, k->name[i], k->len[i]);
		if (put_value(J.kb, m ? &m->val : NULL, J.fold) > 0) {
			if (k->ident[i])
				ident = 1;
		} else if (k->req[i]) {
			ok = 0;
		}
	}
	return ident && ok;
}

static int
is_key(const struct keys *k, const struct jx_val *key)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		if (jx_key_eq(key, k->name[i], k->len[i]))
			return (int)i + 1;
	return 0;
}

static int
keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0)
		return c;
	return an < bn ? -1 : an > bn;
}

/* ---- records in and out ---- */

/*
 * Parse one line into d.  Blank lines return 0 quietly; an invalid or
 * non-object record is reported (or rejected) and returns 0.
 */
static int
parse(struct jx_doc *d, const char *file, long long lineno, const char *p,
    size_t n)
{
	struct jx_err e;
	long long line, col;
	const char *msg;

	if (jx_skip_ws(p, n) == n)
		return 0;
	if (jx_parse(d, p, n, &e) == 0) {
		if (d->root.type == JX_OBJECT)
			return 1;
		msg = "record is not a JSON object";
		col = 0;
	} else {
		jx_linecol(p, e.off, &line, &col);
		msg = e.msg;
	}
	J.rejected++;
	if (J.rej != NULL) {
		rej_write(J.rej, file, lineno, msg, p, n);
	} else {
		diag_warn_at(file, lineno, col, "%s", msg);
		J.status = STATUS_FAIL;
	}
	return 0;
}

static void
write_unmatched(const char *side, const char *reason, const char *file,
    long long lineno, const char *p, size_t n)
{
	if (J.unm == NULL)
		return;
	ob_puts(J.unm, "{\"side\":\"");
	ob_puts(J.unm, side);
	ob_puts(J.unm, "\",\"reason\":\"");
	ob_puts(J.unm, reason);
	ob_puts(J.unm, "\",\"file\":");
	ob_json_str(J.unm, file, strlen(file));
	ob_puts(J.unm, ",\"line\":");
	ob_json_int(J.unm, lineno);
	ob_puts(J.unm, ",\"record\":");
	jx_compact(J.unm, p, n);
	ob_puts(J.unm, "}");
	ob_end_record(J.unm);
}

/*
 * A build record, validated when it was read, indexed again (it is kept
 * as text: an index per record would double the table's memory).
 */
static void
reparse(struct jx_doc *d, const struct brec *r)
{
	struct jx_err e;

	if (jx_reparse(d, r->line, r->len) != 0 &&
	    jx_parse(d, r->line, r->len, &e) != 0)
		diag_fatal(STATUS_FAIL, "internal error: %s", e.msg);
}

static uint64_t
id_of(uint64_t full)
{
	uint64_t id = full & J.idmask;

	return id != 0 ? id : 1;
}

/* Where the search for id starts. */
static size_t
id_home(uint64_t id)
{
	return (size_t)((id * 0x9e3779b97f4a7c15ULL) >> 20) & (J.nidslots - 1);
}

static size_t
id_slot(uint64_t id)
{
	size_t mask = J.nidslots - 1, i = id_home(id);

	while (J.idslots[i].used && id_of(J.idslots[i].full) != id)
		i = (i + 1) & mask;
	return i;
}

/* Room for n identifiers, the slot table at most half full. */
static void
id_reserve(size_t n)
{
	size_t i, old = J.nidslots;
	struct idslot *slots = J.idslots;

	if (n > SIZE_MAX / 4 / sizeof(*J.idslots))
		diag_fatal(STATUS_FAIL, "out of memory");
	if (J.capids < n) {
		J.capids = n;
		J.ids = xreallocarray(J.ids, J.capids, sizeof(*J.ids));
	}
	if (2 * n <= old)
		return;
	for (J.nidslots = old ? old : 1024; J.nidslots < 2 * n;)
		J.nidslots *= 2;
	J.idslots = huge_alloc(J.nidslots * sizeof(*J.idslots), 1);
	for (i = 0; i < old; i++)
		if (slots[i].used)
			J.idslots[id_slot(id_of(slots[i].full))] = slots[i];
	free(slots);
}

/*
 * The value member name would have in the output record built from l
 * and r (either may be NULL: a record without a match), following the
 * rules of emit_joined and emit_right.
 */
static const struct jx_val *
out_value(const struct jx_doc *l, const struct jx_doc *r, const char *name,
    size_t len)
{
	const struct jx_member *lm = NULL, *rm = NULL;
	long k;

	if (l != NULL && (lm = jx_get(l, name, len)) != NULL) {
		if (r == NULL || J.prefer == P_LEFT ||
		    (J.prefer == P_NONNULL && lm->val.type != JX_NULL))
			return &lm->val;
		rm = jx_get(r, name, len);
		return rm != NULL && !is_key(&J.rk, &rm->key) ? &rm->val :
		    &lm->val;
	}
	if (r == NULL)
		return NULL;
	if (l == NULL && (k = args_list_find(J.lk.name, name, len)) >= 0)
		rm = jx_get(r, J.rk.name[k], J.rk.len[k]);	/* renamed */
	else if ((rm = jx_get(r, name, len)) != NULL &&
	    is_key(&J.rk, &rm->key))
		rm = NULL;	/* dropped or renamed */
	return rm != NULL ? &rm->val : NULL;
}

/*
 * Start an output record.  With --id, compute the identifier from the
 * values the record will have, and write it first, unless it was handed
 * out before: that is an error naming both records, except when the
 * record comes from byte-identical input (a true duplicate), which is
 * dropped, counted and reported.  Returns 0 when the record is skipped.
 */
static int
start_record(const struct jx_doc *l, const struct jx_doc *r, const char *lp,
    size_t ln, const char *rp, size_t rn, const char *file, long long lineno)
{
	struct idrec *old;
	const char *p;
	size_t i, idlen, s;
	uint64_t id, full, rech;

	if (J.idfield == NULL) {
		jw_begin(&J.w, J.out);
		return 1;
	}
	ob_truncate(J.ib, 0);
	for (i = 0; i < J.nidfrom; i++) {
		if (i > 0)
			ob_putc(J.ib, '\0');
		put_value(J.ib, out_value(l, r, J.idfrom[i], J.idfromlen[i]),
		    1);
	}
	p = ob_data(J.ib, &idlen);
	full = hash_sip(ID_K0, ID_K1, p, idlen);
	id = id_of(full);
	if (J.nidslots)		/* a cache miss: let it overlap the hashing */
		__builtin_prefetch(&J.idslots[id_home(id)]);
	/* Only compared on a repeated id: a fast checksum will do. */
	rech = hash_fast(CHK_K0, lp, ln) ^
	    (rn ? hash_fast(CHK_K1, rp, rn) : 0);
	if (J.nids == J.capids)
		id_reserve(J.capids ? J.capids * 2 : 1024);
	s = id_slot(id);
	if (J.idslots[s].used) {
		old = &J.ids[J.idslots[s].idx];
		if (J.idslots[s].full != full) {
			diag_warn(file, lineno, "%s %llu collides with %s:%lld "
			    "(different %s values)", J.idfield,
			    (unsigned long long)id, old->file, old->line,
			    "--id-from");
			J.status = STATUS_FAIL;
		} else if (old->rec == rech) {
			J.iddups++;
			write_unmatched(file == J.lname ? "left" : "right",
			    "duplicate record", file, lineno, lp, ln);
		} else {
			diag_warn(file, lineno, "duplicate %s %llu: same "
			    "--id-from values as %s:%lld", J.idfield,
			    (unsigned long long)id, old->file, old->line);
			J.status = STATUS_FAIL;
		}
		return 0;
	}
	J.ids[J.nids] = (struct idrec){ rech, file, lineno };
	J.idslots[s] = (struct idslot){ full, (uint32_t)J.nids++, 1 };
	jw_begin(&J.w, J.out);	/* only now: a skipped record writes nothing */
	jw_key(&J.w, J.idfield, strlen(J.idfield));
	jw_int(&J.w, (long long)id);
	return 1;
}

/* With --id, an input member of that name gives way to the new one. */
static int
is_idfield(const struct jx_val *key)
{
	return J.idfield != NULL && jx_key_eq(key, J.idfield, J.idfieldlen);
}

static void
end_record(void)
{
	jw_end(&J.w);
	ob_end_record(J.out);
	J.out_n++;
}

/*
 * Copying members through: a run of consecutive members written as they
 * are in a compact input line ("k":v,"k":v) is one slice of it, so the
 * run is copied with one write instead of four per member.
 */
struct run {
	const char	*p, *e;
};

static void
run_flush(struct run *rn)
{
	if (rn->p == NULL)
		return;
	if (J.w.count++)
		ob_putc(J.out, ',');
	ob_write(J.out, rn->p, (size_t)(rn->e - rn->p));
	rn->p = NULL;
}

/* Write member key: value (both slices of one line) through rn. */
static void
run_member(struct run *rn, const struct jx_val *key, const struct jx_val *v)
{
	if (v->p != key->p + key->n + 1 || key->p[key->n] != ':') {
		run_flush(rn);		/* not compact, or another value */
		jw_rawkey(&J.w, key->p, key->n);
		jw_raw(&J.w, v->p, v->n);
		return;
	}
	if (rn->p != NULL && (key->p != rn->e + 1 || *rn->e != ','))
		run_flush(rn);
	if (rn->p == NULL)
		rn->p = key->p;
	rn->e = v->p + v->n;
}

/* A left record without a match (or any record with --id alone). */
static void
emit_raw(const char *file, long long lineno, const char *p, size_t n)
{
	const struct jx_member *m;
	struct run rn = { NULL, NULL };
	size_t i;

	if (J.idfield == NULL) {	/* as it is */
		jx_compact(J.out, p, n);
		ob_end_record(J.out);
		J.out_n++;
		return;
	}
	if (!start_record(&J.ldoc, NULL, p, n, NULL, 0, file, lineno))
		return;
	for (i = 0; i < J.ldoc.n; i++) {
		m = &J.ldoc.m[i];
		if (is_idfield(&m->key)) {
			run_flush(&rn);
			continue;
		}
		run_member(&rn, &m->key, &m->val);
	}
	run_flush(&rn);
	end_record();
}

/* A right record alone: its key fields take the left key names. */
static void
emit_right(const struct brec *r)
{
	const struct jx_member *m;
	size_t i;
	int k;

	reparse(&J.rdoc, r);
	if (!start_record(NULL, &J.rdoc, r->line, r->len, NULL, 0, J.rname,
	    r->lineno))
		return;
	for (i = 0; i < J.rdoc.n; i++) {
		m = &J.rdoc.m[i];
		if ((k = is_key(&J.rk, &m->key)) != 0) {
			if (J.idfield != NULL && strcmp(J.lk.name[k - 1],
			    J.idfield) == 0)
				continue;
			jw_key(&J.w, J.lk.name[k - 1], J.lk.len[k - 1]);
		} else if (is_idfield(&m->key)) {
			continue;
		} else {
			jw_rawkey(&J.w, m->key.p, m->key.n);
		}
		jw_raw(&J.w, m->val.p, m->val.n);
	}
	end_record();
}

/*
 * The left record in J.ldoc merged with right record r: left members in
 * left order (a shared non-key member valued by --prefer), then right
 * members the left record lacks; right key fields are dropped.
 */
static void
emit_joined(const struct brec *r, const char *lp, size_t ln,
    long long lineno)
{
	const struct jx_member *lm, *rm;
	const struct jx_val *v;
	struct run rn = { NULL, NULL };
	const char *s;
	size_t i, n;

	reparse(&J.rdoc, r);
	if (!start_record(&J.ldoc, &J.rdoc, lp, ln, r->line, r->len, J.lname,
	    lineno))
		return;
	for (i = 0; i < J.ldoc.n; i++) {
		lm = &J.ldoc.m[i];
		if (is_idfield(&lm->key)) {
			run_flush(&rn);
			continue;
		}
		v = &lm->val;
		if (J.prefer == P_RIGHT ||
		    (J.prefer == P_NONNULL && v->type == JX_NULL)) {
			s = jx_str(&lm->key, J.sb, &n);
			rm = jx_get(&J.rdoc, s, n);
			if (rm != NULL && !is_key(&J.rk, &rm->key))
				v = &rm->val;
		}
		run_member(&rn, &lm->key, v);
	}
	run_flush(&rn);
	for (i = 0; i < J.rdoc.n; i++) {
		rm = &J.rdoc.m[i];
		if (is_key(&J.rk, &rm->key) || is_idfield(&rm->key))
			continue;
		s = jx_str(&rm->key, J.sb, &n);
		if (jx_get(&J.ldoc, s, n) != NULL)
			continue;
		jw_rawkey(&J.w, rm->key.p, rm->key.n);
		jw_raw(&J.w, rm->val.p, rm->val.n);
	}
	end_record();
}

/*
 * Join the left record in J.ldoc with the group whose head is base[hi].
 * Returns 1 when it was joined, 0 when it stays unmatched (ambiguous).
 */
static int
join_group(struct brec *base, uint32_t hi, const char *lp, size_t ln,
    long long lineno)
{
	struct brec *head = &base[hi];
	uint32_t i;

	if (J.dups == D_NONE && head->ambig)
		return 0;
	switch (J.dups) {
	case D_ALL:
		for (i = hi; i != NIL; i = base[i].next) {
			emit_joined(&base[i], lp, ln, lineno);
			base[i].flags |= R_JOINED;
		}
		break;
	case D_LAST:
		emit_joined(&base[head->last], lp, ln, lineno);
		base[head->last].flags |= R_JOINED;
		break;
	default:
		emit_joined(head, lp, ln, lineno);
		head->flags |= R_JOINED;
		break;
	}
	return 1;
}

static void
left_unmatched(const char *reason, long long lineno, const char *p, size_t n)
{
	J.lunmatched++;
	write_unmatched("left", reason, J.lname, lineno, p, n);
	if (J.type == T_LEFT || J.type == T_FULL)
		emit_raw(J.lname, lineno, p, n);
}

/* Account for, and maybe output, the unjoined records of a group. */
static void
right_leftovers(struct brec *base, uint32_t hi)
{
	struct brec *head = &base[hi], *r;
	const char *reason;
	uint32_t i, keep;

	keep = J.dups == D_LAST ? head->last : hi;
	for (i = hi; i != NIL; i = r->next) {
		r = &base[i];
		if (r->flags & R_JOINED)
			continue;
		J.runmatched++;
		if (!r->canmatch)
			reason = "empty key";
		else if (J.dups == D_NONE && head->ambig)
			reason = "ambiguous";
		else if (J.dups != D_ALL && i != keep)
			reason = "duplicate";
		else
			reason = "no match";
		write_unmatched("right", reason, J.rname, r->lineno, r->line,
		    r->len);
		if ((J.type == T_RIGHT || J.type == T_FULL) &&
		    strcmp(reason, "duplicate") != 0)
			emit_right(r);
	}
}

/* Hash of the members that are not key fields, to compare duplicates. */
static uint64_t
body_hash(const struct jx_doc *d)
{
	const struct jx_member *m;
	size_t i, n;
	const char *p;

	ob_truncate(J.tmp, 0);
	for (i = 0; i < d->n; i++) {
		m = &d->m[i];
		if (is_key(&J.rk, &m->key))
			continue;
		ob_write(J.tmp, m->key.p, m->key.n);
		ob_putc(J.tmp, ':');
		/* A scalar holds no white space outside its string. */
		if (m->val.type == JX_OBJECT || m->val.type == JX_ARRAY)
			jx_compact(J.tmp, m->val.p, m->val.n);
		else
			ob_write(J.tmp, m->val.p, m->val.n);
		ob_putc(J.tmp, ',');
	}
	p = ob_data(J.tmp, &n);
	return hash_sip(J.k0, J.k1, p, n);
}

/*
 * The body hash of a record, computed the first time a duplicate key asks
 * for it (most keys have one record, which never needs it).
 */
static uint64_t
body_of(struct brec *r)
{
	if (!(r->flags & R_BODY)) {
		reparse(&J.bdoc, r);
		r->body = body_hash(&J.bdoc);
		r->flags |= R_BODY;
	}
	return r->body;
}

/* Add a member of a group: duplicate bookkeeping for every policy. */
static void
group_add(struct brec *base, uint32_t hi, uint32_t i)
{
	struct brec *head = &base[hi];

	base[head->last].next = i;
	head->last = i;
	if (++head->count == 2)
		J.rdups++;
	switch (J.dups) {
	case D_ERROR:
		diag_warn(J.rname, base[i].lineno, "duplicate key (also at "
		    "line %lld)", head->lineno);
		J.status = STATUS_FAIL;
		break;
	case D_NONE:
		if (!head->ambig && body_of(&base[i]) != body_of(head)) {
			head->ambig = 1;
			J.ambiguous++;
		}
		break;
	}
}

/* ---- hash mode ---- */

static uint32_t
u32_at(const char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* The record index of the key in slot i. */
#define SLOT_IDX(i)	u32_at(J.slots[i].key - 8)

static size_t
slot_of(uint64_t h, const char *key, size_t klen)
{
	size_t mask = J.nslots - 1, i = (size_t)h & mask;
	const struct slot *sl;

	while ((sl = &J.slots[i])->key != NULL) {
		if (sl->h == h && u32_at(sl->key - 4) == klen &&
		    memcmp(sl->key, key, klen) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

static void
table_grow(void)
{
	size_t i, k, mask, old = J.nslots;
	struct slot *slots = J.slots;

	J.nslots = old ? old * 2 : 4096;
	J.slots = huge_alloc(J.nslots * sizeof(*J.slots), 1);
	mask = J.nslots - 1;
	for (i = 0; i < old; i++) {
		if (slots[i].key == NULL)
			continue;
		for (k = slots[i].h & mask; J.slots[k].key != NULL;
		    k = (k + 1) & mask)
			;
		J.slots[k] = slots[i];
	}
	free(slots);
}

/* Room for n right records and their slots up front, no regrowing. */
static void
reserve(size_t n)
{
	size_t slots = 4096;

	if (J.nrecs > 0 || n > SIZE_MAX / 2 / sizeof(*J.slots))
		return;
	while (slots < 2 * (n + 1))
		slots *= 2;
	free(J.recs);
	free(J.slots);
	J.caprecs = n;
	J.recs = huge_alloc(n * sizeof(*J.recs), 0);
	J.nslots = slots;
	J.slots = huge_alloc(slots * sizeof(*J.slots), 1);
}

/*
 * Put the batch of right records read so far into the table, in input
 * order: the first record of a key heads its group.
 */
static void
add_batch(void)
{
	size_t i, s;
	uint32_t idx;

	for (i = 0; i < J.nbq; i++) {
		if ((J.nheads + 1) * 2 > J.nslots)
			table_grow();
		s = slot_of(J.bq[i].h, J.bq[i].key, J.bq[i].klen);
		memcpy(&idx, J.bq[i].key - 8, 4);
		if (J.slots[s].key == NULL) {
			J.slots[s].h = J.bq[i].h;
			J.slots[s].key = J.bq[i].key;
			J.recs[idx].head = 1;
			J.nheads++;
		} else {
			group_add(J.recs, SLOT_IDX(s), idx);
		}
	}
	J.nbq = 0;
}

/*
 * Add one right record.  copy: keep the record bytes in the arena (they
 * are borrowed from the reader); otherwise they stay where they are (a
 * mapped file) and only the key goes to the arena.
 */
static void
add_right(const char *line, size_t len, long long lineno, int copy)
{
	struct brec *r;
	const char *key;
	char *mem;
	size_t klen;
	uint64_t h;
	uint32_t idx, kl;

	if (!parse(&J.rdoc, J.rname, lineno, line, len))
		return;
	J.right++;
	if (J.nrecs == J.caprecs) {
		struct brec *recs;

		J.caprecs = J.caprecs ? J.caprecs * 2 : 4096;
		if (J.caprecs > SIZE_MAX / sizeof(*recs))
			diag_fatal(STATUS_FAIL, "out of memory");
		recs = huge_alloc(J.caprecs * sizeof(*recs), 0);
		if (J.nrecs > 0)
			memcpy(recs, J.recs, J.nrecs * sizeof(*recs));
		free(J.recs);
		J.recs = recs;
	}
	r = &J.recs[J.nrecs];
	memset(r, 0, sizeof(*r));
	r->canmatch = make_key(&J.rdoc, &J.rk);
	key = ob_data(J.kb, &klen);
	if (len > UINT32_MAX || klen > UINT32_MAX)
		diag_fatal(STATUS_FAIL, "%s:%lld: record too long", J.rname,
		    lineno);
	/* [index][key length][key]([record][NUL]), 8-aligned */
	mem = arena_alloc((8 + klen + (copy ? len + 1 : 0) + 7) &
	    ~(size_t)7);
	idx = (uint32_t)J.nrecs;
	kl = (uint32_t)klen;
	memcpy(mem, &idx, 4);
	memcpy(mem + 4, &kl, 4);
	memcpy(mem + 8, key, klen);
	if (copy) {
		memcpy(mem + 8 + klen, line, len);
		mem[8 + klen + len] = '\0';
		r->line = mem + 8 + klen;
	} else {
		r->line = line;
	}
	r->len = (uint32_t)len;
	r->klen = (uint32_t)klen;
	r->lineno = lineno;
	r->next = NIL;
	r->last = (uint32_t)J.nrecs;
	r->count = 1;
	h = hash_sip(J.k0, J.k1, key, klen);
	J.nrecs++;
	if (!r->canmatch) {
		J.rempty++;
		return;
	}
	/* Into the table with the rest of the batch, its slot prefetched. */
	J.bq[J.nbq].h = h;
	J.bq[J.nbq].key = mem + 8;
	J.bq[J.nbq].klen = klen;
	if (J.nslots)
		__builtin_prefetch(&J.slots[h & (J.nslots - 1)]);
	if (++J.nbq == BATCH)
		add_batch();
}

static int
build(struct lineio *lr)
{
	char *line;
	size_t len;
	int rc;

	while ((rc = lr_next(lr, &line, &len)) == 1)
		add_right(line, len, lr_lineno(lr), 1);
	add_batch();
	return rc;
}

/*
 * A regular file is mapped instead of read: its records are not copied,
 * and the kernel need not zero fresh pages for them.  Returns 1 when the
 * file was mapped and loaded, 0 to fall back to reading it.
 */
static int
build_mapped(const char *path)
{
	struct stat st;
	const char *p, *e, *nl;
	long long lineno = 0;
	void *m;
	int fd;

	/*
	 * stat first: opening a FIFO again would block, for ever once its
	 * writer has finished (the reader already has it open).
	 */
	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode) || (fd = open(path, O_RDONLY)) < 0)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0 ||
	    (uintmax_t)st.st_size > SIZE_MAX) {
		close(fd);
		return 0;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return 0;
	(void)madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
	J.map = m;
	J.maplen = (size_t)st.st_size;
	/* Count the lines first (a fast scan) to size the table once. */
	for (p = m, e = p + J.maplen; (nl = memchr(p, '\n', (size_t)(e - p)))
	    != NULL; p = nl + 1)
		lineno++;
	reserve((size_t)lineno + 1);
	lineno = 0;
	for (p = m, e = p + J.maplen; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		add_right(p, (size_t)(nl - p), ++lineno, 0);
	}
	add_batch();
	(void)madvise(m, (size_t)st.st_size, MADV_RANDOM);
	return 1;
}

/* Count a left key; returns nothing, bumps J.ldups on its 2nd sighting. */
static void
left_seen(uint64_t h)
{
	size_t i, mask, old;
	uint64_t *seen;
	uint32_t *count;

	if (h == 0)
		h = 1;
	if ((J.nlseen + 1) * 2 > J.caplseen) {
		old = J.caplseen;
		seen = J.lseen;
		count = J.lcount;
		J.caplseen = old ? old * 2 : 4096;
		J.lseen = xcalloc(J.caplseen, sizeof(*J.lseen));
		J.lcount = xcalloc(J.caplseen, sizeof(*J.lcount));
		mask = J.caplseen - 1;
		for (size_t k = 0; k < old; k++) {
			if (seen[k] == 0)
				continue;
			for (i = seen[k] & mask; J.lseen[i] != 0;
			    i = (i + 1) & mask)
				;
			J.lseen[i] = seen[k];
			J.lcount[i] = count[k];
		}
		free(seen);
		free(count);
	}
	mask = J.caplseen - 1;
	for (i = h & mask; J.lseen[i] != 0 && J.lseen[i] != h;
	    i = (i + 1) & mask)
		;
	if (J.lseen[i] == 0) {
		J.lseen[i] = h;
		J.nlseen++;
	}
	if (++J.lcount[i] == 2)
		J.ldups++;
}

/* One left record of a batch: where its bytes and key are, what it is. */
struct pend {
	size_t		 off, len, koff, klen, slot;
	long long	 lineno;
	uint64_t	 h;
	int		 state;	/* P_SKIP, P_EMPTY, P_KEY, P_FOUND */
};

enum { P_SKIP, P_EMPTY, P_KEY, P_FOUND };

/*
 * Stream the left records through the table.  Lookups are random memory
 * accesses, so records go in batches: parse and hash a batch, prefetch
 * its slots, then its keys and records, then join them in order.  The
 * cache misses of a batch overlap instead of coming one after another.
 */
static int
probe(struct lineio *lr)
{
	struct jx_doc docs[BATCH], tmp;
	struct outbuf *bb = ob_mem(), *kbb = ob_mem();
	struct pend pd[BATCH], *q;
	struct brec *head;
	const char *base, *kbase, *key;
	const struct brec *r;
	char *line;
	size_t len, klen, i, mask;
	int rc = 1, nb, k;

	for (k = 0; k < BATCH; k++)
		jx_init(&docs[k]);
	mask = J.nslots ? J.nslots - 1 : 0;
	/* About one identifier per right record: sized once, not regrown. */
	if (J.idfield != NULL) {
		for (i = 1024; i < J.nrecs; i *= 2)
			;
		id_reserve(i);
	}
	while (rc == 1) {
		ob_truncate(bb, 0);
		ob_truncate(kbb, 0);
		for (nb = 0; nb < BATCH && (rc = lr_next(lr, &line, &len)) == 1;
		    nb++) {
			pd[nb].off = ob_len(bb);
			pd[nb].len = len;
			pd[nb].lineno = lr_lineno(lr);
			ob_write(bb, line, len);
		}
		base = ob_data(bb, NULL);
		for (k = 0; k < nb; k++) {
			q = &pd[k];
			q->state = P_SKIP;
			if (!parse(&docs[k], J.lname, q->lineno, base + q->off,
			    q->len))
				continue;
			J.left++;
			q->state = P_EMPTY;
			if (!make_key(&docs[k], &J.lk))
				continue;
			key = ob_data(J.kb, &klen);
			q->h = hash_sip(J.k0, J.k1, key, klen);
			q->koff = ob_len(kbb);
			q->klen = klen;
			ob_write(kbb, key, klen);
			q->state = P_KEY;
			if (J.nslots)
				__builtin_prefetch(&J.slots[q->h & mask]);
		}
		kbase = ob_data(kbb, NULL);
		for (k = 0; J.nslots && k < nb; k++)
			if (pd[k].state == P_KEY &&
			    J.slots[pd[k].h & mask].key != NULL)
				__builtin_prefetch(J.slots[pd[k].h & mask].key -
				    8);
		for (k = 0; J.nslots && k < nb; k++) {
			q = &pd[k];
			if (q->state != P_KEY)
				continue;
			q->slot = slot_of(q->h, kbase + q->koff, q->klen);
			if (J.slots[q->slot].key == NULL)
				continue;
			q->state = P_FOUND;
			__builtin_prefetch(&J.recs[SLOT_IDX(q->slot)]);
		}
		/*
		 * The matched records themselves (a mapped one is not next to
		 * its key), up to four cache lines, for emit_joined.
		 */
		for (k = 0; k < nb; k++) {
			if (pd[k].state != P_FOUND)
				continue;
			r = &J.recs[SLOT_IDX(pd[k].slot)];
			for (i = 0; i < r->len && i < 256; i += 64)
				__builtin_prefetch(r->line + i);
		}
		for (k = 0; k < nb; k++) {
			q = &pd[k];
			if (q->state == P_SKIP)
				continue;
			tmp = J.ldoc;		/* emitters read J.ldoc */
			J.ldoc = docs[k];
			docs[k] = tmp;
			line = (char *)base + q->off;
			if (q->state == P_EMPTY) {
				J.lempty++;
				left_unmatched("empty key", q->lineno, line,
				    q->len);
			} else if (q->state == P_KEY) {
				/* Keys that match are counted in their group. */
				left_seen(q->h);
				left_unmatched("no match", q->lineno, line,
				    q->len);
			} else {
				head = &J.recs[SLOT_IDX(q->slot)];
				if (++head->lhits == 2)
					J.ldups++;
				if (join_group(J.recs, SLOT_IDX(q->slot), line,
				    q->len, q->lineno))
					J.matched++;
				else
					left_unmatched("ambiguous", q->lineno,
					    line, q->len);
			}
			tmp = J.ldoc;
			J.ldoc = docs[k];
			docs[k] = tmp;
		}
	}
	for (k = 0; k < BATCH; k++)
		jx_free(&docs[k]);
	ob_close(bb);
	ob_close(kbb);
	/* Visit each group once, from its head, in input order. */
	for (i = 0; i < J.nrecs; i++)
		if (J.recs[i].head || !J.recs[i].canmatch)
			right_leftovers(J.recs, (uint32_t)i);
	return rc;
}

/* ---- sorted mode ---- */

static struct {
	struct lineio	*lr;
	struct outbuf	*gb;	/* the group's bytes */
	struct brec	*g;	/* the group's records */
	size_t		 n, cap;
	struct outbuf	*pend;	/* a read-ahead record: line NUL key */
	size_t		 plen, pklen;
	long long	 pline;
	int		 pcan, have_pend, eof, failed;
	uint64_t	 pbody;
	struct outbuf	*prevkey;	/* last right key, for the order check */
	int		 have_prev;
} S;

/* The next valid right record into S.pend; 0 at the end. */
static int
read_right(void)
{
	const char *key;
	char *line;
	size_t len, klen;
	int rc;

	while ((rc = lr_next(S.lr, &line, &len)) == 1) {
		if (!parse(&J.rdoc, J.rname, lr_lineno(S.lr), line, len))
			continue;
		J.right++;
		S.pcan = make_key(&J.rdoc, &J.rk);
		if (!S.pcan)
			J.rempty++;
		S.pbody = J.dups == D_NONE ? body_hash(&J.rdoc) : 0;
		key = ob_data(J.kb, &klen);
		if (S.have_prev) {
			const char *pk;
			size_t pn;

			pk = ob_data(S.prevkey, &pn);
			if (keycmp(pk, pn, key, klen) > 0) {
				diag_warn(J.rname, lr_lineno(S.lr), "input not "
				    "sorted by key (see ndjson-join(1))");
				S.failed = 1;
				return 0;
			}
		}
		ob_truncate(S.prevkey, 0);
		ob_write(S.prevkey, key, klen);
		S.have_prev = 1;
		ob_truncate(S.pend, 0);
		ob_write(S.pend, line, len);
		ob_putc(S.pend, '\0');
		ob_write(S.pend, key, klen);
		S.plen = len;
		S.pklen = klen;
		S.pline = lr_lineno(S.lr);
		return 1;
	}
	if (rc < 0)
		S.failed = 1;
	return 0;
}

/* Move the read-ahead record into the group. */
static void
take_pending(void)
{
	struct brec *r;
	const char *p;
	size_t n, off = ob_len(S.gb);

	p = ob_data(S.pend, &n);
	ob_write(S.gb, p, n);
	if (S.n == S.cap) {
		S.cap = S.cap ? S.cap * 2 : 16;
		S.g = xreallocarray(S.g, S.cap, sizeof(*S.g));
	}
	r = &S.g[S.n];
	memset(r, 0, sizeof(*r));
	r->line = (const char *)(uintptr_t)off;	/* fixed up later */
	r->len = (uint32_t)S.plen;
	r->klen = (uint32_t)S.pklen;
	r->lineno = S.pline;
	r->canmatch = (unsigned char)S.pcan;
	r->body = S.pbody;
	r->flags = R_BODY;	/* r->line is not a pointer yet */
	r->next = NIL;
	r->last = (uint32_t)S.n;
	r->count = 1;
	if (S.n > 0)
		group_add(S.g, 0, (uint32_t)S.n);
	S.n++;
	S.have_pend = 0;
}

/* Read the next group of equal right keys; 0 at the end. */
static int
load_group(void)
{
	const char *base, *gk, *pk;
	size_t i, n;

	S.n = 0;
	ob_truncate(S.gb, 0);
	if (!S.have_pend && (S.eof || !(S.have_pend = read_right()))) {
		S.eof = 1;
		return 0;
	}
	take_pending();
	while (S.g[0].canmatch) {
		if (!(S.have_pend = read_right())) {
			S.eof = 1;
			break;
		}
		base = ob_data(S.gb, &n);
		gk = base + (uintptr_t)S.g[0].line + S.g[0].len + 1;
		pk = ob_data(S.pend, &n) + S.plen + 1;
		if (S.pklen != S.g[0].klen || memcmp(gk, pk, S.pklen) != 0)
			break;
		take_pending();
	}
	base = ob_data(S.gb, &n);
	for (i = 0; i < S.n; i++)
		S.g[i].line = base + (uintptr_t)S.g[i].line;
	if (J.dups == D_ERROR && S.n > 1) {
		ob_flush(J.out);
		diag_fatal(STATUS_FAIL, "stopped at the first duplicate key");
	}
	return 1;
}

static int
merge(struct lineio *ll, struct lineio *rl)
{
	struct outbuf *prev = ob_mem();
	const char *key, *pk;
	char *line;
	size_t len, klen, pn;
	int rc, can, have = 0, c, run = 0, have_prev = 0;

	S.lr = rl;
	S.gb = ob_mem();
	S.pend = ob_mem();
	S.prevkey = ob_mem();
	have = load_group();
	while ((rc = lr_next(ll, &line, &len)) == 1) {
		if (!parse(&J.ldoc, J.lname, lr_lineno(ll), line, len))
			continue;
		J.left++;
		can = make_key(&J.ldoc, &J.lk);
		key = ob_data(J.kb, &klen);
		pk = ob_data(prev, &pn);
		if (have_prev && (c = keycmp(pk, pn, key, klen)) >= 0) {
			if (c > 0) {
				diag_warn(J.lname, lr_lineno(ll), "input not "
				    "sorted by key (see ndjson-join(1))");
				rc = -1;
				break;
			}
			if (can && ++run == 1)
				J.ldups++;
		} else {
			run = 0;
		}
		ob_truncate(prev, 0);
		ob_write(prev, key, klen);
		have_prev = 1;
		key = ob_data(prev, &klen);
		if (!can) {
			J.lempty++;
			left_unmatched("empty key", lr_lineno(ll), line, len);
			continue;
		}
		while (have && keycmp(S.g[0].line + S.g[0].len + 1,
		    S.g[0].klen, key, klen) < 0) {
			right_leftovers(S.g, 0);
			have = load_group();
		}
		if (have && S.g[0].canmatch && S.g[0].klen == klen &&
		    memcmp(S.g[0].line + S.g[0].len + 1, key, klen) == 0) {
			if (join_group(S.g, 0, line, len, lr_lineno(ll)))
				J.matched++;
			else
				left_unmatched("ambiguous", lr_lineno(ll),
				    line, len);
		} else {
			left_unmatched("no match", lr_lineno(ll), line, len);
		}
	}
	if (rc == 0) {
		while (have) {
			right_leftovers(S.g, 0);
			have = load_group();
		}
	}
	if (S.failed)
		rc = -1;
	ob_close(prev);
	ob_close(S.gb);
	ob_close(S.pend);
	ob_close(S.prevkey);
	free(S.g);
	return rc;
}

/* ---- single-input modes ---- */

static int
decorate(struct lineio *lr)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *k;
	char *line;
	size_t len, klen, i;
	int rc;

	while ((rc = lr_next(lr, &line, &len)) == 1) {
		if (!parse(&J.ldoc, J.lname, lr_lineno(lr), line, len))
			continue;
		J.left++;
		make_key(&J.ldoc, &J.lk);
		k = (const unsigned char *)ob_data(J.kb, &klen);
		for (i = 0; i < klen; i++) {
			ob_putc(J.out, hex[k[i] >> 4]);
			ob_putc(J.out, hex[k[i] & 15]);
		}
		ob_putc(J.out, '\t');
		ob_write(J.out, line, len);
		ob_end_record(J.out);
		J.out_n++;
	}
	return rc;
}

static int
ids_only(struct lineio *lr)
{
	char *line;
	size_t len;
	int rc;

	while ((rc = lr_next(lr, &line, &len)) == 1) {
		if (!parse(&J.ldoc, J.lname, lr_lineno(lr), line, len))
			continue;
		J.left++;
		emit_raw(J.lname, lr_lineno(lr), line, len);
	}
	return rc;
}

static int
write_stats(const char *path)
{
	struct outbuf *ob = ob_create(path);

	if (ob == NULL)
		return -1;
	ob_printf(ob, "{\"tool\":\"ndjson-join\",\"records_in\":%lld,"
	    "\"records_out\":%lld,\"rejected\":%lld,\"left\":%lld,"
	    "\"right\":%lld,\"matched\":%lld,\"left_unmatched\":%lld,"
	    "\"right_unmatched\":%lld,\"left_dup_keys\":%lld,"
	    "\"right_dup_keys\":%lld,\"ambiguous_keys\":%lld,"
	    "\"left_empty_keys\":%lld,\"right_empty_keys\":%lld,"
	    "\"duplicate_records_dropped\":%lld}\n",
	    J.left + J.right + J.rejected, J.out_n, J.rejected, J.left,
	    J.right, J.matched, J.lunmatched, J.runmatched, J.ldups, J.rdups,
	    J.ambiguous, J.lempty, J.rempty, J.iddups);
	return ob_close(ob);
}

/* Mark the key fields named in list (left names) with flag. */
static void
mark(unsigned char *flags, char **list, size_t n, const char *opt)
{
	size_t i;
	long k;

	for (i = 0; i < n; i++) {
		k = args_list_find(J.lk.name, list[i], strlen(list[i]));
		if (k < 0) {
			diag_msg("%s: '%s' is not a (left) key field", opt,
			    list[i]);
			usage(STATUS_USAGE);
		}
		flags[k] = 1;
	}
}

int
main(int argc, char *argv[])
{
	enum { O_LEFTKEY = 256, O_RIGHTKEY, O_DUPS, O_PREFER, O_SORTED,
	    O_DECORATE, O_UNMATCHED, O_REJECTS, O_STATS, O_ID, O_IDFROM,
	    O_IDENTITY, O_REQUIRE, O_IDBITS };
	static const struct option longopts[] = {
		{ "decorate",   no_argument,       NULL, O_DECORATE },
		{ "dups",       required_argument, NULL, O_DUPS },
		{ "fold",       no_argument,       NULL, 'f' },
		{ "help",       no_argument,       NULL, 'h' },
		{ "id",         required_argument, NULL, O_ID },
		{ "id-bits",    required_argument, NULL, O_IDBITS },
		{ "id-from",    required_argument, NULL, O_IDFROM },
		{ "identity",   required_argument, NULL, O_IDENTITY },
		{ "key",        required_argument, NULL, 'k' },
		{ "left-key",   required_argument, NULL, O_LEFTKEY },
		{ "prefer",     required_argument, NULL, O_PREFER },
		{ "rejects",    required_argument, NULL, O_REJECTS },
		{ "require",    required_argument, NULL, O_REQUIRE },
		{ "right-key",  required_argument, NULL, O_RIGHTKEY },
		{ "sorted",     no_argument,       NULL, O_SORTED },
		{ "stats",      required_argument, NULL, O_STATS },
		{ "type",       required_argument, NULL, 't' },
		{ "unbuffered", no_argument,       NULL, 'u' },
		{ "unmatched",  required_argument, NULL, O_UNMATCHED },
		{ "version",    no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const types[] = { "inner", "left", "right",
	    "full", NULL };
	static const char *const dups[] = { "all", "first", "last", "error",
	    "none", NULL };
	static const char *const prefers[] = { "left", "right", "nonnull",
	    NULL };
	char **key = NULL, **lkey = NULL, **rkey = NULL;
	size_t nkey = 0, nlkey = 0, nrkey = 0, i;
	const char *unmatched = NULL, *rejects = NULL, *stats = NULL;
	struct lineio *ll = NULL, *rl = NULL;
	int ch, unbuffered = 0, rc = 0;

	diag_init(argv[0]);
	opterr = 0;
	J.type = T_LEFT;
	J.idmask = ID_MASK;
	while ((ch = getopt_long(argc, argv, "fhk:t:uV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'f': J.fold = 1; break;
		case 'h': usage(STATUS_OK);
		case 'k': args_list(optarg, "key", &key, &nkey); break;
		case 't': J.type = args_choice(optarg, "type", types); break;
		case 'u': unbuffered = 1; break;
		case 'V': puts("ndjson-join " VERSION); return STATUS_OK;
		case O_DECORATE: J.decorate = 1; break;
		case O_DUPS: J.dups = args_choice(optarg, "dups", dups); break;
		case O_ID: J.idfield = optarg; break;
		case O_IDBITS:
			J.idmask = (UINT64_C(1) << args_long(optarg, "id-bits",
			    1, 63)) - 1;
			break;
		case O_IDENTITY:
			args_list(optarg, "identity", &J.identity,
			    &J.nidentity);
			break;
		case O_IDFROM:
			args_list(optarg, "id-from", &J.idfrom, &J.nidfrom);
			break;
		case O_LEFTKEY:
			args_list(optarg, "left-key", &lkey, &nlkey);
			break;
		case O_PREFER:
			J.prefer = args_choice(optarg, "prefer", prefers);
			break;
		case O_REJECTS: rejects = optarg; break;
		case O_REQUIRE:
			args_list(optarg, "require", &J.require, &J.nrequire);
			break;
		case O_RIGHTKEY:
			args_list(optarg, "right-key", &rkey, &nrkey);
			break;
		case O_SORTED: J.sorted = 1; break;
		case O_STATS: stats = optarg; break;
		case O_UNMATCHED: unmatched = optarg; break;
		default:
			args_bad_option(argv);
			usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (key != NULL && (lkey != NULL || rkey != NULL))
		usage_error("-k cannot be combined with --left-key/--right-key");
	if (key != NULL) {
		lkey = key;
		nlkey = nkey;
		for (i = 0; i < nkey; i++)
			args_list(key[i], "key", &rkey, &nrkey);
	}
	if ((J.idfield == NULL) != (J.idfrom == NULL))
		usage_error("--id and --id-from go together");
	if (J.decorate) {
		if (lkey == NULL || argc > 1)
			usage_error("--decorate takes -k and at most one file");
	} else if (lkey == NULL && rkey == NULL) {
		if (J.idfield == NULL)
			usage_error("no key: give -k or --left-key and "
			    "--right-key");
		if (argc > 1)
			usage_error("without a key, --id takes at most one "
			    "file");
	} else {
		if (lkey == NULL || rkey == NULL)
			usage_error("--left-key and --right-key go together");
		if (nlkey != nrkey)
			usage_error("--left-key and --right-key differ in "
			    "length");
		if (argc != 2)
			usage_error("expected two files, LEFT and RIGHT");
		if (strcmp(argv[0], "-") == 0 && strcmp(argv[1], "-") == 0)
			usage_error("LEFT and RIGHT cannot both be stdin");
	}
	keys_set(&J.lk, lkey ? lkey : xcalloc(1, sizeof(char *)), nlkey);
	keys_set(&J.rk, rkey ? rkey : xcalloc(1, sizeof(char *)), nrkey);
	if (J.identity != NULL)
		mark(J.lk.ident, J.identity, J.nidentity, "--identity");
	else
		memset(J.lk.ident, 1, J.lk.n);
	if (J.require != NULL)
		mark(J.lk.req, J.require, J.nrequire, "--require");
	memcpy(J.rk.ident, J.lk.ident, J.lk.n);
	memcpy(J.rk.req, J.lk.req, J.lk.n);

	if (getentropy(&J.k0, sizeof(J.k0)) != 0 ||
	    getentropy(&J.k1, sizeof(J.k1)) != 0) {
		J.k0 = (uint64_t)getpid() * 0x9e3779b97f4a7c15ULL;
		J.k1 = ~J.k0;
	}
	jx_init(&J.ldoc);
	jx_init(&J.rdoc);
	jx_init(&J.bdoc);
	if (J.idfield != NULL) {
		J.idfieldlen = strlen(J.idfield);
		J.idfromlen = xcalloc(J.nidfrom, sizeof(*J.idfromlen));
		for (i = 0; i < J.nidfrom; i++)
			J.idfromlen[i] = strlen(J.idfrom[i]);
	}
	J.kb = ob_mem();
	J.sb = ob_mem();
	J.ib = ob_mem();
	J.tmp = ob_mem();

	if (J.decorate || J.lk.n == 0) {
		ll = lr_open(argc ? argv[0] : "-");
	} else {
		ll = lr_open(argv[0]);
		rl = lr_open(argv[1]);
	}
	if (ll == NULL || (J.lk.n > 0 && !J.decorate && rl == NULL)) {
		rc = -1;
		goto out;
	}
	J.lname = lr_name(ll);
	J.rname = rl ? lr_name(rl) : "";
	if (rejects != NULL && (J.rej = rej_open(rejects)) == NULL) {
		rc = -1;
		goto out;
	}
	if (unmatched != NULL && (J.unm = ob_create(unmatched)) == NULL) {
		rc = -1;
		goto out;
	}
	J.out = ob_open(STDOUT_FILENO, "<stdout>");
	ob_set_unbuffered(J.out, unbuffered);

	if (J.decorate) {
		rc = decorate(ll);
	} else if (J.lk.n == 0) {
		rc = ids_only(ll);
	} else if (J.sorted) {
		rc = merge(ll, rl);
	} else {
		rc = build_mapped(argv[1]) ? 0 : build(rl);
		if (rc == 0 && J.status == STATUS_OK)
			rc = probe(ll);
		else if (J.dups == D_ERROR)
			diag_msg("duplicate keys in %s: nothing joined",
			    J.rname);
	}
	if (stats != NULL && write_stats(stats) != 0)
		rc = -1;
out:
	if (ll != NULL && lr_close(ll) != 0)
		rc = -1;
	if (rl != NULL && lr_close(rl) != 0)
		rc = -1;
	if (J.out != NULL && ob_close(J.out) != 0)
		rc = -1;
	if (J.unm != NULL && ob_close(J.unm) != 0)
		rc = -1;
	if (J.rej != NULL && rej_close(J.rej) != 0)
		rc = -1;
	ob_close(J.kb);
	ob_close(J.sb);
	ob_close(J.ib);
	ob_close(J.tmp);
	jx_free(&J.ldoc);
	jx_free(&J.rdoc);
	jx_free(&J.bdoc);
	free(J.idfromlen);
	keys_free(&J.lk);
	keys_free(&J.rk);
	args_list_free(J.identity);
	args_list_free(J.require);
	args_list_free(J.idfrom);
	free(J.recs);
	free(J.slots);
	free(J.lseen);
	free(J.lcount);
	free(J.ids);
	free(J.idslots);
	arena_free();
	if (J.map != NULL)
		munmap(J.map, J.maplen);
	return rc != 0 ? STATUS_FAIL : J.status;
}
