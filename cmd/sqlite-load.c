/*
 * sqlite-load: load NDJSON records into a SQLite table whose columns come
 * from a BigQuery JSON schema, atomically (one transaction, or a new
 * database file renamed over the old one).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/jsonx.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/rejects.h"
#include "common/xalloc.h"

enum ctype { C_STRING, C_INT64, C_FLOAT64, C_NUMERIC, C_BOOL, C_DATE,
	C_TIMESTAMP, C_DATETIME, C_TIME, C_BYTES, C_JSON };

/* BigQuery type names (legacy and standard) and what they become. */
static const struct {
	const char	*bq;
	enum ctype	 t;
	const char	*sql;
} types[] = {
	{ "STRING", C_STRING, "TEXT" },
	{ "INT64", C_INT64, "INTEGER" },
	{ "INTEGER", C_INT64, "INTEGER" },
	{ "FLOAT64", C_FLOAT64, "REAL" },
	{ "FLOAT", C_FLOAT64, "REAL" },
	{ "NUMERIC", C_NUMERIC, "TEXT" },
	{ "BIGNUMERIC", C_NUMERIC, "TEXT" },
	{ "BOOL", C_BOOL, "INTEGER" },
	{ "BOOLEAN", C_BOOL, "INTEGER" },
	{ "DATE", C_DATE, "TEXT" },
	{ "TIMESTAMP", C_TIMESTAMP, "TEXT" },
	{ "DATETIME", C_DATETIME, "TEXT" },
	{ "TIME", C_TIME, "TEXT" },
	{ "BYTES", C_BYTES, "TEXT" },
	{ "GEOGRAPHY", C_STRING, "TEXT" },
	{ "JSON", C_JSON, "TEXT" },
	{ "RECORD", C_JSON, "TEXT" },
	{ "STRUCT", C_JSON, "TEXT" },
};

struct column {
	char		*name;
	size_t		 namelen;
	enum ctype	 type;
	const char	*bqtype, *sqltype;
	int		 required, repeated;
};

static struct {
	struct column	*col;
	size_t		 ncol;
	const char	*table;
	const char	*dbpath;	/* the database file */
	int		 append, ignore_unknown;
	sqlite3		*db;	/* where the rows go */
	sqlite3		*old;	/* a file being replaced by a new one */
	int		 tmpfd;	/* the new file, or -1 */
	sqlite3_stmt	*ins;
	struct rejects	*rej;
	struct jx_doc	 doc;
	const struct jx_val **vals;
	struct outbuf	*sql, *scratch;
	long long	 in, loaded, bad;
} L;

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: sqlite-load --schema file --db file --table name "
	    "[--append]\n"
	    "                   [--commit-if file] [--ignore-unknown-values]"
	    "\n"
	    "                   [--rejects file] [--stats file] [file ...]\n",
	    fp);
	if (status) {
		fputs("Try 'sqlite-load --help' for more information.\n", fp);
		exit(status);
	}
	fputs("Load NDJSON into a SQLite table typed by a BigQuery JSON "
	    "schema,\nreplacing the table atomically; - or no file is "
	    "stdin.\n"
	    "  -s, --schema FILE          BigQuery JSON schema (columns)\n"
	    "  -d, --db FILE              database (created if missing)\n"
	    "  -t, --table NAME           table to replace\n"
	    "  -a, --append               append instead of replacing\n"
	    "      --commit-if FILE       commit only if FILE exists at the "
	    "end\n"
	    "      --ignore-unknown-values  drop fields not in the schema\n"
	    "      --rejects FILE         write bad rows there and load the "
	    "rest\n"
	    "      --stats FILE           write counters as one JSON object\n"
	    "  -h, --help                 this text\n"
	    "  -V, --version              print the version\n", fp);
	exit(status);
}

/* BigQuery column and table names: letters, digits, underscores. */
static int
valid_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 300 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static char *
member_str(const struct jx_doc *d, const char *name, struct outbuf *sb)
{
	const struct jx_member *m = jx_get(d, name, strlen(name));
	const char *s;
	size_t n;

	if (m == NULL || m->val.type != JX_STRING)
		return NULL;
	s = jx_str(&m->val, sb, &n);
	return xmemdup(s, n);
}

static int
add_column(const char *path, const char *p, long long line,
    const struct jx_doc *d)
{
	struct outbuf *sb = ob_mem();
	struct column *c;
	char *name, *type, *mode;
	size_t i;
	int rc = -1;

	name = member_str(d, "name", sb);
	type = member_str(d, "type", sb);
	mode = member_str(d, "mode", sb);
	(void)p;
	if (name == NULL || !valid_name(name, strlen(name))) {
		diag_warn(path, line, "column without a valid \"name\"");
		goto out;
	}
	for (i = 0; i < L.ncol; i++)
		if (strcasecmp(L.col[i].name, name) == 0) {
			diag_warn(path, line, "duplicate column '%s'", name);
			goto out;
		}
	L.col = xreallocarray(L.col, L.ncol + 1, sizeof(*L.col));
	c = &L.col[L.ncol];
	memset(c, 0, sizeof(*c));
	for (i = 0; type != NULL && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(type, types[i].bq) == 0)
			break;
	if (type == NULL || i == sizeof(types) / sizeof(types[0])) {
		diag_warn(path, line, "column '%s': unknown type '%s'", name,
		    type ? type : "");
		goto out;
	}
	c->type = types[i].t;
	c->bqtype = types[i].bq;
	c->sqltype = types[i].sql;
	if (mode == NULL || strcasecmp(mode, "NULLABLE") == 0) {
		;
	} else if (strcasecmp(mode, "REQUIRED") == 0) {
		c->required = 1;
	} else if (strcasecmp(mode, "REPEATED") == 0) {
		c->repeated = 1;
		c->type = C_JSON;
		c->sqltype = "TEXT";
	} else {
		diag_warn(path, line, "column '%s': unknown mode '%s'", name,
		    mode);
		goto out;
	}
	c->name = name;
	c->namelen = strlen(name);
	name = NULL;
	L.ncol++;
	rc = 0;
out:
	free(name);
	free(type);
	free(mode);
	ob_close(sb);
	return rc;
}

/*
 * Read a BigQuery JSON schema: an array of {"name","type","mode"}
 * objects, or an object with such an array as "fields" (or
 * "schema":{"fields":...}, as `bq show --format=json` prints).
 */
static int
read_schema(const char *path)
{
	struct lineio *lr = lr_open(path);
	struct outbuf *buf = ob_mem();
	struct jx_doc d;
	struct jx_err e;
	const struct jx_member *m;
	const char *p, *blk;
	size_t n, i, len;
	ssize_t got;
	enum jx_type t;
	long long line, col;
	int rc = -1;

	jx_init(&d);
	if (lr == NULL)
		goto out;
	while ((got = lr_read(lr, &blk)) > 0)
		ob_write(buf, blk, (size_t)got);
	if (got < 0)
		goto out;
	p = ob_data(buf, &n);
	if (jx_parse(&d, p, n, &e) != 0) {
		jx_linecol(p, e.off, &line, &col);
		diag_warn_at(path, line, col, "%s", e.msg);
		goto out;
	}
	if (d.root.type == JX_OBJECT) {
		if ((m = jx_get(&d, "schema", 6)) != NULL &&
		    m->val.type == JX_OBJECT) {
			if (jx_parse(&d, m->val.p, m->val.n, &e) != 0)
				goto bad;
		}
		if ((m = jx_get(&d, "fields", 6)) == NULL ||
		    m->val.type != JX_ARRAY)
			goto bad;
		i = (size_t)(m->val.p - p);
	} else if (d.root.type == JX_ARRAY) {
		i = (size_t)(d.root.p - p);
	} else {
		goto bad;
	}
	i++;	/* '[' */
	for (;;) {
		i += jx_skip_ws(p + i, n - i);
		if (p[i] == ']')
			break;
		if (p[i] == ',') {
			i++;
			i += jx_skip_ws(p + i, n - i);
		}
		len = jx_scan(p + i, n - i, &t, &e);
		jx_linecol(p, i, &line, &col);
		if (len == 0 || t != JX_OBJECT) {
			diag_warn(path, line, "schema field is not an object");
			goto out;
		}
		if (jx_parse(&d, p + i, len, &e) != 0 ||
		    add_column(path, p + i, line, &d) != 0)
			goto out;
		i += len;
	}
	if (L.ncol == 0) {
		diag_warn(path, 0, "schema has no columns");
		goto out;
	}
	rc = 0;
	goto out;
bad:
	diag_warn(path, 0, "not a BigQuery JSON schema (an array of fields)");
out:
	jx_free(&d);
	ob_close(buf);
	if (lr != NULL && lr_close(lr) != 0)
		rc = -1;
	return rc;
}

static void
put_ident(struct outbuf *ob, const char *s)
{
	ob_putc(ob, '"');
	ob_puts(ob, s);
	ob_putc(ob, '"');
}

static int
exec_on(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		diag_msg("%s: table %s: %s", L.dbpath, L.table,
		    msg ? msg : "sqlite error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int
exec(const char *sql)
{
	return exec_on(L.db, sql);
}

/* ---- replacing a whole file ---- */

/* The new file's name, for the signal handler to remove. */
static char tmppath[PATH_MAX];

static void
on_signal(int sig)
{
	if (tmppath[0] != '\0')
		unlink(tmppath);
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Does the open database hold anything but the table and what belongs to
 * it (its indexes and triggers go with it in place too): another table, a
 * view, their indexes?  Or does it use a write-ahead log?  Then the table
 * is replaced in place.
 */
static int
holds_more(sqlite3 *db)
{
	sqlite3_stmt *st;
	int more = 1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "tbl_name <> ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, L.table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			more = sqlite3_column_int(st, 0) != 0;
		sqlite3_finalize(st);
	}
	if (!more && sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st,
	    NULL) == SQLITE_OK) {
		more = sqlite3_step(st) != SQLITE_ROW ||
		    sqlite3_stricmp((const char *)sqlite3_column_text(st, 0),
		    "wal") == 0;
		sqlite3_finalize(st);
	}
	return more;
}

/*
 * Open the database file into *db and take its write lock (BEGIN
 * IMMEDIATE, waiting up to 10 s for another writer).  A load that
 * replaces the file may rename a new one over the path while we wait:
 * then the lock is on a file nobody opens any more (SQLite would refuse to
 * write to it), so open the path again.  Returns 0, or -1 after a message.
 */
static int
open_locked(int flags, sqlite3 **db)
{
	int moved, tries;

	for (tries = 0;; tries++) {
		if (sqlite3_open_v2(L.dbpath, db, flags, NULL) != SQLITE_OK) {
			diag_msg("%s: %s", L.dbpath, *db ? sqlite3_errmsg(*db) :
			    "cannot open");
			return -1;
		}
		sqlite3_busy_timeout(*db, 10000);
		if (exec_on(*db, "BEGIN IMMEDIATE") != 0)
			return -1;
		moved = 0;
		if (sqlite3_file_control(*db, "main", SQLITE_FCNTL_HAS_MOVED,
		    &moved) != SQLITE_OK || !moved)
			return 0;
		exec_on(*db, "ROLLBACK");
		sqlite3_close(*db);
		*db = NULL;
		if (tries == 100) {
			diag_msg("%s: replaced by other loads 100 times while "
			    "waiting for it", L.dbpath);
			return -1;
		}
	}
}

/*
 * Open the database for a load that replaces the table.  When the file
 * holds nothing but that table, or does not exist yet, the rows go to a
 * new file next to it (DB.XXXXXX), renamed over the old one when all is
 * well: a replace in place must copy every page of the old table to the
 * rollback journal before reusing it, which costs about half as much
 * again as the load.  The old file stays open with its write lock taken
 * (BEGIN IMMEDIATE), so no other writer slips in; readers keep reading
 * the old table until they reopen.  Otherwise the load is one transaction
 * in place, whose rollback journal makes it atomic even if we are killed:
 * the next opener rolls the half-done load back.  Returns 0, or -1 after
 * a message.
 */
static int
open_db(void)
{
	struct stat st;
	mode_t mode, mask;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, exists;

	L.tmpfd = -1;
	exists = stat(L.dbpath, &st) == 0;
	if (L.append || (exists && !S_ISREG(st.st_mode)) ||
	    (!exists && errno != ENOENT))
		return open_locked(flags | SQLITE_OPEN_CREATE, &L.db);
	mask = umask(0);
	umask(mask);
	mode = 0666 & ~mask;
	if (exists) {
		/* An existing file: lock it, then look inside. */
		if (open_locked(flags, &L.old) != 0)
			return -1;
		if (holds_more(L.old)) {
			L.db = L.old;
			L.old = NULL;
			return 0;
		}
		/* Locked and not moved: the path names the file we hold. */
		if (stat(L.dbpath, &st) == 0)
			mode = st.st_mode & 07777;
	}
	if ((size_t)snprintf(tmppath, sizeof(tmppath), "%s.XXXXXX", L.dbpath) >=
	    sizeof(tmppath)) {
		diag_msg("%s: name too long", L.dbpath);
		return -1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	if ((L.tmpfd = mkstemp(tmppath)) < 0) {
		diag_syswarn(tmppath, "cannot create");
		tmppath[0] = '\0';
		return -1;
	}
	(void)fchmod(L.tmpfd, mode);
	/* Nothing to roll back in a file nobody sees until the rename. */
	if (sqlite3_open_v2(tmppath, &L.db, flags, NULL) != SQLITE_OK ||
	    exec("PRAGMA journal_mode = OFF") != 0 ||
	    exec("PRAGMA synchronous = OFF") != 0) {
		diag_msg("%s: %s", tmppath, L.db ? sqlite3_errmsg(L.db) :
		    "cannot open");
		return -1;
	}
	return exec("BEGIN");
}

/* The directory holding path, for fsync after a rename. */
static int
sync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/*
 * Finish: commit (rc 0) or roll back.  A new file is flushed to disk and
 * renamed over the old one, or removed.  Returns rc, or -1 when the
 * commit failed.
 */
static int
finish(int rc)
{
	if (L.ins != NULL)
		sqlite3_finalize(L.ins);
	L.ins = NULL;
	if (L.db != NULL && !sqlite3_get_autocommit(L.db)) {
		if (rc == 0 && exec("COMMIT") != 0)
			rc = -1;
		if (rc != 0)
			exec("ROLLBACK");
	}
	if (L.db != NULL && sqlite3_close(L.db) != SQLITE_OK)
		rc = -1;
	L.db = NULL;
	if (L.tmpfd >= 0) {
		if (rc == 0 && fsync(L.tmpfd) != 0) {
			diag_syswarn(tmppath, "fsync");
			rc = -1;
		}
		close(L.tmpfd);
		if (rc == 0 && rename(tmppath, L.dbpath) != 0) {
			diag_syswarn(L.dbpath, "cannot replace");
			rc = -1;
		}
		if (rc != 0)
			unlink(tmppath);
		else
			(void)sync_dir(L.dbpath);
		tmppath[0] = '\0';
	}
	if (L.old != NULL) {
		if (!sqlite3_get_autocommit(L.old))	/* only the lock */
			exec_on(L.old, "ROLLBACK");
		sqlite3_close(L.old);
		L.old = NULL;
	}
	if (rc != 0)
		diag_msg("%s: table %s: nothing loaded, the table is unchanged",
		    L.dbpath, L.table);
	return rc;
}

/* The table's DDL: STRICT, NOT NULL for REQUIRED, CHECKs for the rest. */
static const char *
create_sql(int if_not_exists)
{
	struct column *c;
	size_t i;

	ob_truncate(L.sql, 0);
	ob_puts(L.sql, "CREATE TABLE ");
	if (if_not_exists)
		ob_puts(L.sql, "IF NOT EXISTS ");
	put_ident(L.sql, L.table);
	ob_puts(L.sql, " (");
	for (i = 0; i < L.ncol; i++) {
		c = &L.col[i];
		ob_puts(L.sql, i ? ", " : "");
		put_ident(L.sql, c->name);
		ob_printf(L.sql, " %s", c->sqltype);
		if (c->required)
			ob_puts(L.sql, " NOT NULL");
		if (c->type == C_DATE) {
			ob_puts(L.sql, " CHECK (");
			put_ident(L.sql, c->name);
			ob_puts(L.sql, " IS NULL OR date(");
			put_ident(L.sql, c->name);
			ob_puts(L.sql, ") IS ");
			put_ident(L.sql, c->name);
			ob_puts(L.sql, ")");
		} else if (c->type == C_BOOL) {
			ob_puts(L.sql, " CHECK (");
			put_ident(L.sql, c->name);
			ob_puts(L.sql, " IN (0, 1))");
		}
	}
	ob_puts(L.sql, ") STRICT");
	return ob_data(L.sql, NULL);
}

/* With --append, an existing table must have the schema's columns. */
static int
check_columns(void)
{
	sqlite3_stmt *st = NULL;
	size_t i = 0;
	int rc = 0;

	ob_truncate(L.sql, 0);
	ob_puts(L.sql, "SELECT name FROM pragma_table_info(?)");
	if (sqlite3_prepare_v2(L.db, ob_data(L.sql, NULL), -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, L.table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (i >= L.ncol || strcmp((const char *)
		    sqlite3_column_text(st, 0), L.col[i].name) != 0)
			rc = -1;
		i++;
	}
	sqlite3_finalize(st);
	if (rc != 0 || i != L.ncol) {
		diag_msg("%s: table %s: its columns differ from the schema",
		    L.dbpath, L.table);
		return -1;
	}
	return 0;
}

static int
prepare(void)
{
	size_t i;

	if (L.append) {
		if (exec(create_sql(1)) != 0 || check_columns() != 0)
			return -1;
	} else {
		ob_truncate(L.sql, 0);
		ob_puts(L.sql, "DROP TABLE IF EXISTS ");
		put_ident(L.sql, L.table);
		if (exec(ob_data(L.sql, NULL)) != 0 ||
		    exec(create_sql(0)) != 0)
			return -1;
	}
	ob_truncate(L.sql, 0);
	ob_puts(L.sql, "INSERT INTO ");
	put_ident(L.sql, L.table);
	ob_puts(L.sql, " VALUES (");
	for (i = 0; i < L.ncol; i++)
		ob_puts(L.sql, i ? ", ?" : "?");
	ob_puts(L.sql, ")");
	if (sqlite3_prepare_v2(L.db, ob_data(L.sql, NULL), -1, &L.ins,
	    NULL) != SQLITE_OK) {
		diag_msg("%s: table %s: %s", L.dbpath, L.table,
		    sqlite3_errmsg(L.db));
		return -1;
	}
	return 0;
}

static int
valid_date(const char *s, size_t n)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d;
	size_t i;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return 0;
	return 1;
}

/*
 * Parse an INT64 from JSON number text or a decimal string: an optional
 * sign and digits only, in range (what strtoll would take whole, by hand:
 * one per row).
 */
static int
parse_int(const char *s, size_t n, long long *v)
{
	unsigned long long x = 0, lim;
	unsigned d;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		neg = s[i++] == '-';
	if (i == n)
		return 0;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (; i < n; i++) {
		d = (unsigned)((unsigned char)s[i] - '0');
		if (d > 9 || x > (lim - d) / 10)
			return 0;
		x = x * 10 + d;
	}
	*v = !neg ? (long long)x : x == lim ? LLONG_MIN : -(long long)x;
	return 1;
}

static int
parse_float(const char *s, size_t n, double *v)
{
	char buf[64], *end;

	if (n == 0 || n >= sizeof(buf))
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	*v = strtod(buf, &end);
	return errno == 0 && *end == '\0' && end != buf;
}

/* Bind one value to column i; NULL with *why set when it does not fit. */
static int
bind(size_t i, const struct jx_val *v, const char **why)
{
	struct column *c = &L.col[i];
	const char *s = NULL;
	size_t n = 0;
	long long iv;
	double dv;
	int k = (int)i + 1;
	/*
	 * Plain text is a slice of the input line, which stays put until
	 * the row is stepped: SQLite need not copy it.
	 */
	sqlite3_destructor_type dtor = SQLITE_STATIC;

	if (v == NULL || v->type == JX_NULL) {
		if (c->required) {
			*why = "missing required field";
			return -1;
		}
		return sqlite3_bind_null(L.ins, k);
	}
	if (v->type == JX_STRING) {
		s = jx_str(v, L.scratch, &n);
		/* A decoded string lives in scratch, reused by the next bind. */
		if (v->flags & JX_ESCAPED)
			dtor = SQLITE_TRANSIENT;
	} else if (v->type == JX_NUMBER || v->type == JX_TRUE ||
	    v->type == JX_FALSE)
		s = v->p, n = v->n;
	switch (c->type) {
	case C_INT64:
		if (s == NULL || v->type == JX_TRUE || v->type == JX_FALSE ||
		    !parse_int(s, n, &iv)) {
			*why = "not an INT64";
			return -1;
		}
		return sqlite3_bind_int64(L.ins, k, iv);
	case C_FLOAT64:
		if (s == NULL || v->type == JX_TRUE || v->type == JX_FALSE ||
		    !parse_float(s, n, &dv)) {
			*why = "not a FLOAT64";
			return -1;
		}
		return sqlite3_bind_double(L.ins, k, dv);
	case C_BOOL:
		if (v->type == JX_TRUE || (s && n == 4 &&
		    strncasecmp(s, "true", 4) == 0))
			return sqlite3_bind_int(L.ins, k, 1);
		if (v->type == JX_FALSE || (s && n == 5 &&
		    strncasecmp(s, "false", 5) == 0))
			return sqlite3_bind_int(L.ins, k, 0);
		*why = "not a BOOL";
		return -1;
	case C_DATE:
		if (v->type != JX_STRING || !valid_date(s, n)) {
			*why = "not a DATE (YYYY-MM-DD)";
			return -1;
		}
		break;
	case C_NUMERIC:
		if (s == NULL || !parse_float(s, n, &dv)) {
			*why = "not a NUMERIC";
			return -1;
		}
		break;
	case C_JSON:
		ob_truncate(L.scratch, 0);
		jx_compact(L.scratch, v->p, v->n);
		s = ob_data(L.scratch, &n);
		dtor = SQLITE_TRANSIENT;
		break;
	default:
		if (s == NULL) {
			*why = "not a scalar";
			return -1;
		}
		break;
	}
	return sqlite3_bind_text(L.ins, k, s, (int)n, dtor);
}

static void
bad_row(const char *file, long long line, const char *field, const char *why,
    const char *p, size_t n)
{
	char msg[512];

	L.bad++;
	if (field != NULL)
		snprintf(msg, sizeof(msg), "field '%s': %s", field, why);
	else
		snprintf(msg, sizeof(msg), "%s", why);
	if (L.rej != NULL) {
		rej_write(L.rej, file, line, msg, p, n);
	} else {
		diag_warn(file, line, "%s", msg);
	}
}

static int
load(const char *path)
{
	struct lineio *lr = lr_open(path);
	const struct jx_member *m;
	struct jx_err e;
	const char *why, *name;
	char *line;
	size_t len, i, k, nlen;
	long long ln;
	int rc;

	if (lr == NULL)
		return -1;
	while ((rc = lr_next(lr, &line, &len)) == 1) {
		ln = lr_lineno(lr);
		if (jx_skip_ws(line, len) == len)
			continue;
		L.in++;
		if (jx_parse(&L.doc, line, len, &e) != 0) {
			long long l2, col;

			jx_linecol(line, e.off, &l2, &col);
			bad_row(lr_name(lr), ln, NULL, e.msg, line, len);
			continue;
		}
		if (L.doc.root.type != JX_OBJECT) {
			bad_row(lr_name(lr), ln, NULL,
			    "record is not a JSON object", line, len);
			continue;
		}
		memset(L.vals, 0, L.ncol * sizeof(*L.vals));
		why = NULL;
		for (i = 0; i < L.doc.n && why == NULL; i++) {
			m = &L.doc.m[i];
			/* Records usually list the columns in order. */
			k = i < L.ncol && jx_key_eq(&m->key, L.col[i].name,
			    L.col[i].namelen) ? i : 0;
			for (; k < L.ncol; k++)
				if (jx_key_eq(&m->key, L.col[k].name,
				    L.col[k].namelen))
					break;
			if (k < L.ncol) {
				L.vals[k] = &m->val;
			} else if (!L.ignore_unknown) {
				name = jx_str(&m->key, L.scratch, &nlen);
				char field[128];

				snprintf(field, sizeof(field), "%.*s",
				    (int)(nlen > 100 ? 100 : nlen), name);
				bad_row(lr_name(lr), ln, field,
				    "not in the schema", line, len);
				why = "";
			}
		}
		if (why != NULL)
			continue;
		sqlite3_reset(L.ins);
		for (k = 0; k < L.ncol; k++) {
			if (bind(k, L.vals[k], &why) == 0)
				continue;
			if (why == NULL)
				why = sqlite3_errmsg(L.db);
			bad_row(lr_name(lr), ln, L.col[k].name, why, line,
			    len);
			break;
		}
		if (k < L.ncol)
			continue;
		if (sqlite3_step(L.ins) != SQLITE_DONE) {
			bad_row(lr_name(lr), ln, NULL, sqlite3_errmsg(L.db),
			    line, len);
			continue;
		}
		L.loaded++;
	}
	if (lr_close(lr) != 0)
		rc = -1;
	return rc;
}

static int
write_stats(const char *path)
{
	struct outbuf *ob = ob_create(path);

	if (ob == NULL)
		return -1;
	ob_printf(ob, "{\"tool\":\"sqlite-load\",\"records_in\":%lld,"
	    "\"records_out\":%lld,\"rejected\":%lld,\"db\":", L.in, L.loaded,
	    L.bad);
	ob_json_str(ob, L.dbpath, strlen(L.dbpath));
	ob_puts(ob, ",\"table\":");
	ob_json_str(ob, L.table, strlen(L.table));
	ob_printf(ob, ",\"mode\":\"%s\"}\n", L.append ? "append" : "replace");
	return ob_close(ob);
}

int
main(int argc, char *argv[])
{
	enum { O_COMMIT_IF = 256, O_IGNORE, O_REJECTS, O_STATS };
	static const struct option longopts[] = {
		{ "append",     no_argument,       NULL, 'a' },
		{ "commit-if",  required_argument, NULL, O_COMMIT_IF },
		{ "db",         required_argument, NULL, 'd' },
		{ "help",       no_argument,       NULL, 'h' },
		{ "ignore-unknown-values", no_argument, NULL, O_IGNORE },
		{ "rejects",    required_argument, NULL, O_REJECTS },
		{ "schema",     required_argument, NULL, 's' },
		{ "stats",      required_argument, NULL, O_STATS },
		{ "table",      required_argument, NULL, 't' },
		{ "version",    no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *schema = NULL, *rejects = NULL;
	const char *stats = NULL, *commit_if = NULL;
	int ch, i, rc = 0;

	diag_init(argv[0]);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "ad:hs:t:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'a': L.append = 1; break;
		case 'd': L.dbpath = optarg; break;
		case 'h': usage(STATUS_OK);
		case 's': schema = optarg; break;
		case 't': L.table = optarg; break;
		case 'V': puts("sqlite-load " VERSION); return STATUS_OK;
		case O_COMMIT_IF: commit_if = optarg; break;
		case O_IGNORE: L.ignore_unknown = 1; break;
		case O_REJECTS: rejects = optarg; break;
		case O_STATS: stats = optarg; break;
		default:
			args_bad_option(argv);
			usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (schema == NULL || L.dbpath == NULL || L.table == NULL) {
		diag_msg("--schema, --db and --table are required");
		usage(STATUS_USAGE);
	}
	if (!valid_name(L.table, strlen(L.table))) {
		diag_msg("invalid table name '%s'", L.table);
		usage(STATUS_USAGE);
	}
	if (read_schema(schema) != 0)
		return STATUS_USAGE;
	L.vals = xcalloc(L.ncol, sizeof(*L.vals));
	L.sql = ob_mem();
	L.scratch = ob_mem();
	jx_init(&L.doc);
	if (rejects != NULL && (L.rej = rej_open(rejects)) == NULL) {
		rc = -1;
		goto out;
	}
	/* One thread, and no memory statistics: no mutex per call. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (open_db() != 0 || prepare() != 0) {
		rc = -1;
		goto out;
	}
	if (argc == 0 && load("-") != 0)
		rc = -1;
	for (i = 0; i < argc; i++)
		if (load(argv[i]) != 0)
			rc = -1;
	if (L.bad > 0 && L.rej == NULL)
		rc = -1;
	/*
	 * A pipe ends the same way whether its writer finished or failed;
	 * the writer's side says which by creating the file when it is done.
	 */
	if (rc == 0 && commit_if != NULL && access(commit_if, F_OK) != 0) {
		diag_msg("%s: %s: the input may be incomplete", commit_if,
		    strerror(errno));
		rc = -1;
	}
	if (L.rej != NULL && rej_close(L.rej) != 0)
		rc = -1;
	L.rej = NULL;
out:
	rc = finish(rc);
	if (L.rej != NULL)
		rej_close(L.rej);
	if (stats != NULL && write_stats(stats) != 0)
		rc = -1;
	for (size_t k = 0; k < L.ncol; k++)
		free(L.col[k].name);
	free(L.col);
	free(L.vals);
	if (L.sql)
		ob_close(L.sql);
	if (L.scratch)
		ob_close(L.scratch);
	jx_free(&L.doc);
	return rc != 0 ? STATUS_FAIL : STATUS_OK;
}
