/* rejects: write skipped records as NDJSON with their position and fault. */
#include <stdlib.h>
#include <string.h>

#include "common/jsonx.h"
#include "common/outbuf.h"
#include "common/rejects.h"
#include "common/xalloc.h"

struct rejects {
	struct outbuf	*ob;
	long long	 count;
};

struct rejects *
rej_open(const char *path)
{
	struct outbuf *ob = ob_create(path);
	struct rejects *r;

	if (ob == NULL)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->ob = ob;
	return r;
}

int
rej_close(struct rejects *r)
{
	int rc;

	if (r == NULL)
		return 0;
	rc = ob_close(r->ob);
	free(r);
	return rc;
}

long long
rej_count(const struct rejects *r)
{
	return r ? r->count : 0;
}

/* Raw text as a JSON string, each invalid UTF-8 byte as U+FFFD. */
static void
put_lossy(struct outbuf *ob, const char *p, size_t n)
{
	ob_putc(ob, '"');
	ob_json_esc_utf8(ob, p, n, 1);
	ob_putc(ob, '"');
}

void
rej_write(struct rejects *r, const char *file, long long line,
    const char *error, const char *raw, size_t n)
{
	struct jx_writer w;

	if (r == NULL)
		return;
	r->count++;
	jw_begin(&w, r->ob);
	jw_key(&w, "file", 4);
	put_lossy(r->ob, file, strlen(file));
	jw_key(&w, "line", 4);
	jw_int(&w, line);
	jw_key(&w, "error", 5);
	put_lossy(r->ob, error, strlen(error));
	jw_key(&w, "record", 6);
	put_lossy(r->ob, raw, n);
	jw_end(&w);
	ob_end_record(r->ob);
}
