/* xml2ndjson: one JSON object per matching XML element, streamed. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/rejects.h"
#include "common/xalloc.h"

#define DEF_DEPTH	256
#define MAX_DEPTH	10000			/* serialisation recurses */
#define DEF_RECORD	(64 * 1024 * 1024)
#define TEXT_KEY	"#text"
#define NONE		0			/* node/segment index 0 */

#define HELP_OPTIONS \
"Convert each XML element matching NAME or PATH to one JSON object per line.\n"\
"\n"\
"  -r, --record NAME|PATH   element name (any depth) or a path from the root\n"\
"                           such as Customers/Customer (required)\n"\
"  -d, --max-depth N        fail on elements nested deeper than N (256)\n"\
"  -m, --max-record SIZE    skip records larger than SIZE bytes (64M)\n"\
"      --rejects FILE       write skipped records to FILE instead of failing\n"\
"  -u, --unbuffered         flush after every record\n"\
"  -h, --help               show this help and exit\n"\
"  -V, --version            show the version and exit\n"\
"\n"\
"Attributes become \"@name\" keys, text beside attributes or child\n"\
"elements becomes \"" TEXT_KEY "\", repeated children become arrays.\n"\
"DTDs may not declare entities; nothing is ever fetched.  See xml2ndjson(1).\n"

/* One element of the record being built. */
struct node {
	const xmlChar	*name;		/* interned in the parser's dict */
	const xmlChar	*prefix;	/* NULL when unprefixed */
	uint32_t	 parent, first, last, next;	/* children, siblings */
	uint32_t	 same;		/* next sibling with the same name */
	uint32_t	 attr, nattr;	/* range in attrs[] */
	uint32_t	 seg, seglast;	/* text segments */
	uint32_t	 flags;
};
#define N_MULTI	1	/* first of several same-named siblings */
#define N_DUP	2	/* a later one: written in the first's array */

/* A run of text in the arena; an element's text may come in pieces. */
struct seg {
	uint32_t	 off, len, next;
};

struct attr {
	const xmlChar	*name, *prefix;
	uint32_t	 off, len;
};

/* Hash slot: last child named (prefix, name) under parent, this record. */
struct slot {
	uint32_t	 gen, parent;
	const xmlChar	*name, *prefix;
	uint32_t	 first, last;
};

/* One component of --record. */
struct comp {
	char		*prefix;	/* NULL: match the local name only */
	char		*local;
};

struct conv {
	/* configuration */
	struct comp	*path;
	int		 npath;
	int		 anchored;	/* path from the root, else any depth */
	int		 max_depth;
	size_t		 max_record;
	struct outbuf	*out;
	struct rejects	*rej;

	/* per document */
	xmlParserCtxtPtr ctxt;
	const char	*file;
	int		 failed;	/* fatal error reported: stop */
	int		 bad;		/* a record was skipped */
	int		 depth;		/* open elements */
	int		 root;		/* the root element was seen */
	int		 matched;	/* leading path components matched */
	int		 rec_depth;	/* depth of the record element, 0: none */
	int		 skipping;	/* record too large: drop until its end */
	long long	 rec_line;

	/* the record arena, reused */
	struct node	*nodes;
	uint32_t	 nnodes, capnodes;
	uint32_t	 cur;
	struct seg	*segs;
	uint32_t	 nsegs, capsegs;
	struct attr	*attrs;
	uint32_t	 nattrs, capattrs;
	char		*text;
	size_t		 ntext, captext;
	struct slot	*slots;
	uint32_t	 nslots, gen;
};

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: xml2ndjson -r name|path [-u] [-d depth] [-m size] "
	    "[--rejects file]\n                  [file ...]\n", fp);
	fputs(status ? "Try 'xml2ndjson --help' for more information.\n" :
	    HELP_OPTIONS, fp);
	exit(status);
}

/* Report a libxml2 message: first line only, lower-case first letter. */
static void
report(struct conv *cv, int line, int col, const char *msg)
{
	char buf[512];
	size_t n;

	n = strcspn(msg, "\n");
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, msg, n);
	buf[n] = '\0';
	while (n > 0 && strchr(" .!", buf[n - 1]) != NULL)
		buf[--n] = '\0';
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] += 'a' - 'A';
	diag_warn_at(cv->file, line, col, "%s", buf);
}

/*
 * Stop converting this document.  We never call xmlStopParser from inside
 * a callback: libxml2 may still read its input buffer after the callback
 * returns.  Disabling SAX silences it until the chunk is done.
 */
static void
fatal_here(struct conv *cv, const char *msg)
{
	if (cv->failed)
		return;
	cv->failed = 1;
	report(cv, xmlSAX2GetLineNumber(cv->ctxt),
	    xmlSAX2GetColumnNumber(cv->ctxt), msg);
	cv->ctxt->disableSAX = 1;
}

/*
 * Structured errors.  Every error is fatal, namespace errors too (libxml2
 * recovers from an undeclared prefix), and so is an undeclared entity
 * (only a warning when the document names an external DTD we never read).
 * Other warnings are ignored.
 */
static void
on_error(void *data, xmlErrorPtr e)
{
	struct conv *cv = data;

	if (cv == NULL || cv->ctxt == NULL || cv->failed)
		return;
	if (e->level == XML_ERR_WARNING && e->code != XML_WAR_UNDECLARED_ENTITY)
		return;
	cv->failed = 1;
	if (e->code == XML_ERR_DOCUMENT_END && cv->depth > 0 &&
	    cv->ctxt->name != NULL) {
		/* The push parser's words for a cut-off document. */
		char msg[160];

		snprintf(msg, sizeof(msg), "premature end of input in "
		    "element %.100s", (const char *)cv->ctxt->name);
		report(cv, e->line, e->int2, msg);
	} else if (e->code == XML_ERR_DOCUMENT_END && !cv->root)
		report(cv, e->line, e->int2, "no root element");
	else
		report(cv, e->line, e->int2, e->message != NULL ?
		    e->message : "parse error");
	cv->ctxt->disableSAX = 1;
}

/* Room for one more element in a growable array, within the cap. */
#define GROW(cv, arr, n, cap) do {					\
	if ((n) >= (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 64;				\
		(arr) = xreallocarray((arr), (cap), sizeof(*(arr)));	\
	}								\
} while (0)

static size_t
rec_size(const struct conv *cv)
{
	return cv->ntext + (size_t)cv->nnodes * sizeof(struct node) +
	    (size_t)cv->nsegs * sizeof(struct seg) +
	    (size_t)cv->nattrs * sizeof(struct attr);
}

/* The record outgrew --max-record: report or reject it, drop the rest. */
static void
too_big(struct conv *cv)
{
	char msg[96];

	snprintf(msg, sizeof(msg), "record larger than %zu bytes",
	    cv->max_record);
	if (cv->rej != NULL)
		rej_write(cv->rej, cv->file, cv->rec_line, msg, "", 0);
	else {
		diag_warn(cv->file, cv->rec_line, "%s", msg);
		cv->bad = 1;
	}
	cv->skipping = 1;
}

static void
add_text(struct conv *cv, const char *p, size_t n)
{
	if (cv->ntext + n > cv->captext) {
		while (cv->ntext + n > cv->captext)
			cv->captext = cv->captext ? cv->captext * 2 : 65536;
		cv->text = xrealloc(cv->text, cv->captext);
	}
	memcpy(cv->text + cv->ntext, p, n);
	cv->ntext += n;
}

/* Hash of (parent, prefix, name); names are interned, so pointers do. */
static uint32_t
slot_hash(uint32_t parent, const xmlChar *prefix, const xmlChar *name)
{
	uint64_t h;

	h = (uint64_t)(uintptr_t)name * 0x9e3779b97f4a7c15ULL;
	h ^= (uint64_t)(uintptr_t)prefix * 0xc2b2ae3d27d4eb4fULL;
	h ^= (uint64_t)parent * 0x165667b19e3779f9ULL;
	return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static struct slot *
slot_find(struct conv *cv, uint32_t parent, const xmlChar *prefix,
    const xmlChar *name)
{
	uint32_t i, mask = cv->nslots - 1;
	struct slot *s;

	for (i = slot_hash(parent, prefix, name) & mask;; i = (i + 1) & mask) {
		s = &cv->slots[i];
		if (s->gen != cv->gen)
			return s;
		if (s->parent == parent && s->name == name &&
		    s->prefix == prefix)
			return s;
	}
}

/* Keep the table at most half full; rehash this record's entries. */
static void
slot_grow(struct conv *cv)
{
	struct slot *old = cv->slots, *s;
	uint32_t i, n = cv->nslots;

	cv->nslots = n ? n * 2 : 1024;
	cv->slots = xcalloc(cv->nslots, sizeof(*cv->slots));
	for (i = 0; i < n; i++) {
		if (old[i].gen != cv->gen)
			continue;
		s = slot_find(cv, old[i].parent, old[i].prefix, old[i].name);
		*s = old[i];
	}
	free(old);
}

/* Start a new record: reset the arena, invalidate the hash table. */
static void
rec_begin(struct conv *cv)
{
	cv->nnodes = 1;		/* node 0 is NONE */
	cv->nsegs = 1;
	cv->nattrs = 0;
	cv->ntext = 0;
	cv->cur = NONE;
	cv->skipping = 0;
	if (++cv->gen == 0) {	/* wrapped: stale stamps could match */
		if (cv->slots != NULL)
			memset(cv->slots, 0, cv->nslots * sizeof(*cv->slots));
		cv->gen = 1;
	}
	cv->rec_line = xmlSAX2GetLineNumber(cv->ctxt);
}

/* Append an element under cv->cur and make it current. */
static void
rec_open(struct conv *cv, const xmlChar *prefix, const xmlChar *name,
    int nattr, const xmlChar **attrs)
{
	struct node *n, *p;
	struct slot *s;
	struct attr *a;
	uint32_t id, parent = cv->cur;
	int i;

	if (cv->skipping)
		return;
	GROW(cv, cv->nodes, cv->nnodes, cv->capnodes);
	id = cv->nnodes++;
	n = &cv->nodes[id];
	n->name = name;
	n->prefix = prefix;
	n->parent = parent;
	n->first = n->last = n->next = n->same = NONE;
	n->seg = n->seglast = NONE;
	n->flags = 0;
	n->attr = cv->nattrs;
	n->nattr = nattr;
	for (i = 0; i < nattr; i++) {
		/* localname, prefix, URI, value, end */
		const xmlChar **v = attrs + 5 * i;
		const char *p0 = (const char *)v[3], *e = (const char *)v[4];
		const char *amp;

		GROW(cv, cv->attrs, cv->nattrs, cv->capattrs);
		a = &cv->attrs[cv->nattrs++];
		a->name = v[0];
		a->prefix = v[1];
		a->off = cv->ntext;
		/*
		 * Without entity substitution libxml2 hands '&' (from &amp;
		 * or &#38;) over as "&#38;"; every other reference is
		 * decoded or fatal, so this is the only one left to undo.
		 */
		while ((amp = memchr(p0, '&', e - p0)) != NULL) {
			add_text(cv, p0, amp - p0 + 1);
			p0 = amp + 1;
			if (e - p0 >= 4 && memcmp(p0, "#38;", 4) == 0)
				p0 += 4;
		}
		add_text(cv, p0, e - p0);
		a->len = cv->ntext - a->off;
	}
	if (parent != NONE) {
		p = &cv->nodes[parent];
		if (p->first == NONE)
			p->first = id;
		else
			cv->nodes[p->last].next = id;
		p->last = id;
		if (cv->nnodes * 2 > cv->nslots)
			slot_grow(cv);
		s = slot_find(cv, parent, prefix, name);
		if (s->gen == cv->gen) {
			cv->nodes[s->last].same = id;
			cv->nodes[s->first].flags |= N_MULTI;
			n->flags |= N_DUP;
			s->last = id;
		} else {
			s->gen = cv->gen;
			s->parent = parent;
			s->name = name;
			s->prefix = prefix;
			s->first = s->last = id;
		}
	}
	cv->cur = id;
	if (rec_size(cv) > cv->max_record)
		too_big(cv);
}

/*
 * "@prefix:name": as a key (sigil and prefix optional).  XML names hold
 * no byte that JSON must escape, so the key goes out in one write.
 */
static void
put_name(struct outbuf *ob, char sigil, const xmlChar *prefix,
    const xmlChar *name)
{
	char buf[256];
	size_t n = 0, lp = 0, ln = strlen((const char *)name);

	if (prefix != NULL)
		lp = strlen((const char *)prefix);
	if (lp + ln + 6 > sizeof(buf)) {
		ob_putc(ob, '"');
		if (sigil != '\0')
			ob_putc(ob, sigil);
		if (prefix != NULL) {
			ob_write(ob, prefix, lp);
			ob_putc(ob, ':');
		}
		ob_write(ob, name, ln);
		ob_write(ob, "\":", 2);
		return;
	}
	buf[n++] = '"';
	if (sigil != '\0')
		buf[n++] = sigil;
	if (prefix != NULL) {
		memcpy(buf + n, prefix, lp);
		n += lp;
		buf[n++] = ':';
	}
	memcpy(buf + n, name, ln);
	n += ln;
	buf[n++] = '"';
	buf[n++] = ':';
	ob_write(ob, buf, n);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The element's text as one JSON string, exactly as it came. */
static void
put_text(struct conv *cv, const struct node *n)
{
	struct outbuf *ob = cv->out;
	uint32_t s;

	ob_putc(ob, '"');
	for (s = n->seg; s != NONE; s = cv->segs[s].next)
		ob_json_esc(ob, cv->text + cv->segs[s].off, cv->segs[s].len);
	ob_putc(ob, '"');
}

/*
 * Text beside attributes or child elements: trimmed, and only when not
 * blank (indentation between child elements is not content).  Returns
 * whether anything was written; *comma says whether a comma goes first.
 */
static int
put_trimmed(struct conv *cv, const struct node *n, int comma)
{
	struct outbuf *ob = cv->out;
	uint32_t s, fs = NONE, ls = NONE;
	size_t fo = 0, lo = 0, i, b, e;
	const char *t;

	for (s = n->seg; s != NONE; s = cv->segs[s].next) {
		t = cv->text + cv->segs[s].off;
		for (i = 0; i < cv->segs[s].len; i++) {
			if (is_space(t[i]))
				continue;
			if (fs == NONE) {
				fs = s;
				fo = i;
			}
			ls = s;
			lo = i + 1;
		}
	}
	if (fs == NONE)
		return 0;
	ob_puts(ob, comma ? ",\"" TEXT_KEY "\":\"" : "\"" TEXT_KEY "\":\"");
	for (s = fs;; s = cv->segs[s].next) {
		b = s == fs ? fo : 0;
		e = s == ls ? lo : cv->segs[s].len;
		ob_json_esc(ob, cv->text + cv->segs[s].off + b, e - b);
		if (s == ls)
			break;
	}
	ob_putc(ob, '"');
	return 1;
}

static void put_value(struct conv *, uint32_t);

/*
 * An element as an object: attributes, then its non-blank text, then the
 * children in document order, same-named ones gathered into an array at
 * the place of the first.
 */
static void
put_object(struct conv *cv, uint32_t id)
{
	struct outbuf *ob = cv->out;
	const struct node *n = &cv->nodes[id];
	const struct attr *a;
	uint32_t i, c, k;
	int comma = 0;

	ob_putc(ob, '{');
	for (i = 0; i < n->nattr; i++) {
		a = &cv->attrs[n->attr + i];
		if (comma)
			ob_putc(ob, ',');
		comma = 1;
		put_name(ob, '@', a->prefix, a->name);
		ob_putc(ob, '"');
		ob_json_esc(ob, cv->text + a->off, a->len);
		ob_putc(ob, '"');
	}
	if (n->seg != NONE && put_trimmed(cv, n, comma))
		comma = 1;
	for (c = n->first; c != NONE; c = cv->nodes[c].next) {
		const struct node *ch = &cv->nodes[c];

		if (ch->flags & N_DUP)
			continue;
		if (comma)
			ob_putc(ob, ',');
		comma = 1;
		put_name(ob, '\0', ch->prefix, ch->name);
		if (!(ch->flags & N_MULTI)) {
			put_value(cv, c);
			continue;
		}
		ob_putc(ob, '[');
		for (k = c; k != NONE; k = cv->nodes[k].same) {
			if (k != c)
				ob_putc(ob, ',');
			put_value(cv, k);
		}
		ob_putc(ob, ']');
	}
	ob_putc(ob, '}');
}

/* A leaf without attributes is its exact text; anything else an object. */
static void
put_value(struct conv *cv, uint32_t id)
{
	const struct node *n = &cv->nodes[id];

	if (n->first == NONE && n->nattr == 0)
		put_text(cv, n);
	else
		put_object(cv, id);
}

/* Does element (prefix, name) match path component c? */
static int
comp_match(const struct comp *c, const xmlChar *prefix, const xmlChar *name)
{
	if (strcmp(c->local, (const char *)name) != 0)
		return 0;
	if (c->prefix == NULL)
		return 1;
	return prefix != NULL && strcmp(c->prefix, (const char *)prefix) == 0;
}

static void
on_start(void *data, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
    int ndefaulted, const xmlChar **attrs)
{
	struct conv *cv = data;
	int d;

	if (cv->failed)
		return;
	d = ++cv->depth;
	cv->root = 1;
	if (d > cv->max_depth) {
		fatal_here(cv, "depth limit exceeded");
		return;
	}
	if (cv->rec_depth == 0) {
		if (cv->anchored) {
			if (cv->matched != d - 1 || d > cv->npath ||
			    !comp_match(&cv->path[d - 1], prefix, name))
				return;
			cv->matched = d;
			if (d < cv->npath)
				return;
		} else if (!comp_match(&cv->path[0], prefix, name))
			return;
		cv->rec_depth = d;
		rec_begin(cv);
	}
	rec_open(cv, prefix, name, nattr, attrs);
}

static void
on_end(void *data, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct conv *cv = data;
	int d;

	if (cv->failed)
		return;
	d = cv->depth--;
	if (cv->matched == d)
		cv->matched = d - 1;
	if (cv->rec_depth == 0)
		return;
	if (d > cv->rec_depth) {
		if (!cv->skipping)
			cv->cur = cv->nodes[cv->cur].parent;
		return;
	}
	cv->rec_depth = 0;
	if (cv->skipping)
		return;
	/* The record element always gives an object. */
	put_object(cv, 1);
	ob_end_record(cv->out);
}

static void
on_text(void *data, const xmlChar *p, int len)
{
	struct conv *cv = data;
	struct node *n;
	struct seg *s;

	if (cv->failed || cv->rec_depth == 0 || cv->skipping || len <= 0)
		return;
	n = &cv->nodes[cv->cur];
	if (n->seglast != NONE && cv->segs[n->seglast].off +
	    cv->segs[n->seglast].len == cv->ntext) {
		/* Contiguous with this element's last piece: extend it. */
		cv->segs[n->seglast].len += len;
	} else {
		GROW(cv, cv->segs, cv->nsegs, cv->capsegs);
		s = &cv->segs[cv->nsegs];
		s->off = cv->ntext;
		s->len = len;
		s->next = NONE;
		if (n->seglast == NONE)
			n->seg = cv->nsegs;
		else
			cv->segs[n->seglast].next = cv->nsegs;
		n->seglast = cv->nsegs++;
	}
	add_text(cv, (const char *)p, len);
	if (rec_size(cv) > cv->max_record)
		too_big(cv);
}

/*
 * Entity declarations are refused outright: no expansion bombs, no
 * external entities.  Predefined and character references still work.
 */
static void
on_entity_decl(void *data, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	struct conv *cv = data;

	fatal_here(cv, "entity declarations are not supported");
}

static void
on_reference(void *data, const xmlChar *name)
{
	struct conv *cv = data;
	char msg[128];

	snprintf(msg, sizeof(msg), "undefined entity '%.80s'",
	    (const char *)name);
	fatal_here(cv, msg);
}

static xmlEntityPtr
on_get_entity(void *data, const xmlChar *name)
{
	return NULL;	/* only the predefined ones, which libxml2 knows */
}

static xmlSAXHandler sax;

static void
sax_init(void)
{
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_text;
	sax.entityDecl = on_entity_decl;
	sax.reference = on_reference;
	sax.getEntity = on_get_entity;
	sax.getParameterEntity = on_get_entity;
	sax.serror = on_error;
	/* No externalSubset or resolveEntity: nothing is ever loaded. */
}

/* Convert one document; STATUS_OK or STATUS_FAIL (reported). */
static int
convert(struct conv *cv, const char *path)
{
	struct lineio *lr;
	const char *p;
	ssize_t n = 0;
	int rc, opts, status = STATUS_OK;

	if ((lr = lr_open(path)) == NULL)
		return STATUS_FAIL;
	cv->file = lr_name(lr);
	cv->failed = cv->bad = 0;
	cv->depth = cv->matched = cv->rec_depth = cv->root = 0;
	cv->ctxt = xmlCreatePushParserCtxt(&sax, cv, NULL, 0, cv->file);
	if (cv->ctxt == NULL)
		diag_fatal(STATUS_FAIL, "out of memory");
	/*
	 * NONET as a second lock; never NOENT, DTDLOAD or HUGE.  The push
	 * parser without a tree enforces no depth limit: ours (on_start)
	 * is the one.
	 */
	opts = XML_PARSE_NONET;
	xmlCtxtUseOptions(cv->ctxt, opts);
	while (!cv->failed && (n = lr_read(lr, &p)) > 0) {
		rc = xmlParseChunk(cv->ctxt, p, (int)n, 0);
		if (rc != 0 && !cv->failed) {
			cv->failed = 1;
			report(cv, xmlSAX2GetLineNumber(cv->ctxt),
			    xmlSAX2GetColumnNumber(cv->ctxt), "parse error");
		}
		if (ob_error(cv->out))
			cv->failed = 1;
	}
	if (n < 0)
		status = STATUS_FAIL;
	else if (!cv->failed) {
		rc = xmlParseChunk(cv->ctxt, NULL, 0, 1);
		if (rc != 0 && !cv->failed) {
			cv->failed = 1;
			report(cv, xmlSAX2GetLineNumber(cv->ctxt),
			    xmlSAX2GetColumnNumber(cv->ctxt), "parse error");
		}
	}
	if (cv->failed || cv->bad)
		status = STATUS_FAIL;
	/*
	 * "For expat compatibility" libxml2 records entity declarations in
	 * a document of its own even in SAX mode (never consulted: our
	 * getEntity answers NULL and userData is not the context); it is
	 * ours to free.
	 */
	if (cv->ctxt->myDoc != NULL)
		xmlFreeDoc(cv->ctxt->myDoc);
	xmlFreeParserCtxt(cv->ctxt);
	cv->ctxt = NULL;
	if (lr_close(lr) != 0)
		status = STATUS_FAIL;
	return status;
}

/* Split NAME or [/]A/B/C into components; "p:name" matches a prefix. */
static void
parse_path(struct conv *cv, const char *orig)
{
	const char *arg = orig[0] == '/' ? orig + 1 : orig;
	char *s, *tok, *save, *colon;

	cv->anchored = strchr(orig, '/') != NULL;
	s = xstrdup(arg);
	for (tok = strtok_r(s, "/", &save); tok != NULL;
	    tok = strtok_r(NULL, "/", &save)) {
		cv->path = xreallocarray(cv->path, cv->npath + 1,
		    sizeof(*cv->path));
		colon = strchr(tok, ':');
		if (colon != NULL) {
			*colon = '\0';
			cv->path[cv->npath].prefix = xstrdup(tok);
			cv->path[cv->npath].local = xstrdup(colon + 1);
		} else {
			cv->path[cv->npath].prefix = NULL;
			cv->path[cv->npath].local = xstrdup(tok);
		}
		if (cv->path[cv->npath].local[0] == '\0' ||
		    (colon != NULL && cv->path[cv->npath].prefix[0] == '\0')) {
			diag_msg("invalid record path: %s", orig);
			usage(STATUS_USAGE);
		}
		cv->npath++;
	}
	free(s);
	if (cv->npath == 0 || strstr(arg, "//") != NULL ||
	    arg[strlen(arg) - 1] == '/') {
		diag_msg("invalid record path: %s", orig);
		usage(STATUS_USAGE);
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help",	no_argument,		NULL, 'h' },
		{ "max-depth",	required_argument,	NULL, 'd' },
		{ "max-record",	required_argument,	NULL, 'm' },
		{ "record",	required_argument,	NULL, 'r' },
		{ "rejects",	required_argument,	NULL, 'R' },
		{ "unbuffered",	no_argument,		NULL, 'u' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct conv cv;
	const char *rejects = NULL;
	int ch, i, unbuffered = 0, status = STATUS_OK;

	diag_init(argv[0]);
	argv[0] = (char *)diag_prog();	/* getopt's messages use it */
	memset(&cv, 0, sizeof(cv));
	cv.max_depth = DEF_DEPTH;
	cv.max_record = DEF_RECORD;
	while ((ch = getopt_long(argc, argv, "d:hm:r:uV", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'd':
			cv.max_depth = args_long(optarg, "max-depth", 1,
			    MAX_DEPTH);
			break;
		case 'h':
			usage(STATUS_OK);
		case 'm':
			cv.max_record = args_size(optarg, "max-record");
			if (cv.max_record > (size_t)1 << 31) {
				diag_msg("max-record: at most 2G");
				usage(STATUS_USAGE);
			}
			break;
		case 'r':
			if (cv.npath != 0) {
				diag_msg("--record given twice");
				usage(STATUS_USAGE);
			}
			parse_path(&cv, optarg);
			break;
		case 'R':
			rejects = optarg;
			break;
		case 'u':
			unbuffered = 1;
			break;
		case 'V':
			puts("xml2ndjson " VERSION);
			return STATUS_OK;
		default:
			usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (cv.npath == 0) {
		diag_msg("--record is required");
		usage(STATUS_USAGE);
	}

	LIBXML_TEST_VERSION
	xmlSetStructuredErrorFunc(&cv, on_error);	/* errors without ctxt */
	sax_init();
	if (rejects != NULL && (cv.rej = rej_open(rejects)) == NULL)
		return STATUS_FAIL;
	cv.out = ob_open(STDOUT_FILENO, "<stdout>");
	ob_set_unbuffered(cv.out, unbuffered);
	if (argc == 0 && convert(&cv, "-") != STATUS_OK)
		status = STATUS_FAIL;
	for (i = 0; i < argc && !ob_error(cv.out); i++)
		if (convert(&cv, argv[i]) != STATUS_OK)
			status = STATUS_FAIL;
	if (ob_close(cv.out) != 0)
		status = STATUS_FAIL;
	if (rej_close(cv.rej) != 0)
		status = STATUS_FAIL;
	for (i = 0; i < cv.npath; i++) {
		free(cv.path[i].prefix);
		free(cv.path[i].local);
	}
	free(cv.path);
	free(cv.nodes);
	free(cv.segs);
	free(cv.attrs);
	free(cv.text);
	free(cv.slots);
	xmlCleanupParser();
	return status;
}
