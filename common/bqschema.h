/*
 * bqschema: a BigQuery JSON table schema (a list of fields, or
 * {"fields": [...]}), and a checker telling whether an NDJSON row would
 * load under it, so that bad rows are reported before a job is spent.
 * The rules follow BigQuery's NDJSON value formats (reference section 2)
 * and stay lenient where BigQuery is.
 */
#ifndef NDJ_BQSCHEMA_H
#define NDJ_BQSCHEMA_H

#include <stddef.h>

struct bq_schema;
struct bqs_checker;

/*
 * Parse a schema from text (name is used in messages).  Returns NULL
 * after reporting "name: what is wrong".
 */
struct bq_schema *bqs_parse(const char *text, size_t n, const char *name);
/* The same from a file. */
struct bq_schema *bqs_load(const char *path);
void		 bqs_free(struct bq_schema *s);
/* The fields as a compact JSON array, e.g. for a load job (borrowed). */
const char	*bqs_json(const struct bq_schema *s, size_t *n);
size_t		 bqs_nfields(const struct bq_schema *s);

/* A reusable row checker (no allocation per row once warmed up). */
struct bqs_checker *bqs_checker_new(const struct bq_schema *s,
		     int ignore_unknown);
void		 bqs_checker_free(struct bqs_checker *c);
/*
 * Check one NDJSON line.  Returns 0 when BigQuery would accept it, else
 * -1 with "field: message" (or just "message" for a line that is not a
 * JSON object) in err.
 */
int		 bqs_check(struct bqs_checker *c, const char *line, size_t n,
		     char *err, size_t errsz);

#endif
