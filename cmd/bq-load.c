/* bq-load: load NDJSON into a Google BigQuery table with one load job. */
#include <sys/stat.h>

#include <ctype.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "common/args.h"
#include "common/bigquery.h"
#include "common/bqschema.h"
#include "common/diag.h"
#include "common/gauth.h"
#include "common/http.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/xalloc.h"

#define HELP_OPTIONS \
"Load NDJSON into a BigQuery table (replaced unless --append).\n" \
"  --access-token-file FILE  use the token in FILE (gcloud auth\n" \
"                            print-access-token)\n" \
"  --append                  WRITE_APPEND instead of WRITE_TRUNCATE\n" \
"  --autodetect              let BigQuery infer the schema\n" \
"  --ca-bundle FILE          trust these CA certificates\n" \
"  --chunk-size N            upload chunk, a multiple of 256K (default 8M)\n" \
"  --create-dataset          create the dataset when missing (default)\n" \
"  --credentials FILE        service_account or authorized_user JSON file\n" \
"  --dataset D, --project P, --table T\n" \
"                            the destination, instead of the operand\n" \
"  --dry-run                 print the job and the requests; send nothing\n" \
"  --endpoint URL            API root (default " BQ_ROOT ")\n" \
"  --ignore-unknown-values   drop keys that match no column\n" \
"  --job-id ID               use this job id: re-running never loads twice\n" \
"  --job-id-prefix PREFIX    job ids are PREFIX + 32 hex digits (bqload_)\n" \
"  --location LOC            job and new dataset location (e.g. US, EU)\n" \
"  --max-bad-records N       rows BigQuery may skip (default 0)\n" \
"  --no-create-dataset       fail when the dataset is missing\n" \
"  --no-progress, --progress progress on stderr (default: when a terminal)\n" \
"  --no-validate, --validate check rows against --schema first (default on)\n" \
"  --replace                 WRITE_TRUNCATE (default)\n" \
"  --schema FILE             BigQuery JSON schema (list of fields)\n" \
"  --timeout SECONDS         give up after this long (default 21600)\n" \
"  -h, --help                this help\n" \
"  -V, --version             print the version\n"

static _Noreturn void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fputs("usage: bq-load [options] PROJECT.DATASET.TABLE [file | -]\n"
	    "       bq-load [options] --table T [--dataset D] [--project P] "
	    "[file | -]\n", fp);
	fputs(status ? "Try 'bq-load --help' for more information.\n" :
	    HELP_OPTIONS, fp);
	exit(status);
}

enum {
	O_ACCESS_TOKEN_FILE = 256, O_APPEND, O_AUTODETECT, O_CA_BUNDLE,
	O_CHUNK_SIZE, O_CREATE_DATASET, O_CREDENTIALS, O_DATASET, O_DRY_RUN,
	O_ENDPOINT, O_IGNORE_UNKNOWN, O_JOB_ID, O_JOB_ID_PREFIX, O_LOCATION,
	O_MAX_BAD, O_NO_CREATE_DATASET, O_NO_PROGRESS, O_NO_VALIDATE,
	O_POLL_INTERVAL, O_PROGRESS, O_PROJECT, O_REPLACE, O_REQUEST_TIMEOUT,
	O_RETRY_INITIAL,
	O_SCHEMA, O_TABLE, O_TIMEOUT, O_VALIDATE
};

static int
valid_id(const char *s, const char *extra)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' &&
		    strchr(extra, *s) == NULL)
			return 0;
	return 1;
}

/* Set *dst from an operand part unless an option already did. */
static void
part(char **dst, const char *p, size_t n, const char *what)
{
	if (*dst != NULL && (strlen(*dst) != n || strncmp(*dst, p, n) != 0)) {
		diag_msg("the table operand and --%s disagree", what);
		usage(STATUS_USAGE);
	}
	if (*dst == NULL)
		*dst = xmemdup(p, n);
}

/* PROJECT.DATASET.TABLE, PROJECT:DATASET.TABLE, DATASET.TABLE or TABLE. */
static void
split_table(const char *spec, char **project, char **dataset, char **table)
{
	const char *dot = strrchr(spec, '.'), *sep = NULL, *p;

	if (dot == NULL) {
		part(table, spec, strlen(spec), "table");
		return;
	}
	part(table, dot + 1, strlen(dot + 1), "table");
	for (p = dot; p > spec; p--)
		if (p[-1] == '.' || p[-1] == ':') {
			sep = p - 1;
			break;
		}
	if (sep == NULL) {
		part(dataset, spec, (size_t)(dot - spec), "dataset");
		return;
	}
	part(dataset, sep + 1, (size_t)(dot - sep - 1), "dataset");
	part(project, spec, (size_t)(sep - spec), "project");
}

/* BIGQUERY_EMULATOR_HOST: "host:port" or a URL; http assumed. */
static char *
emulator_root(const char *v)
{
	char *r = xmalloc(strlen(v) + 8);

	sprintf(r, "%s%s", strstr(v, "://") ? "" : "http://", v);
	return r;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "access-token-file", required_argument, NULL,
		    O_ACCESS_TOKEN_FILE },
		{ "append",	no_argument, NULL, O_APPEND },
		{ "autodetect",	no_argument, NULL, O_AUTODETECT },
		{ "ca-bundle",	required_argument, NULL, O_CA_BUNDLE },
		{ "chunk-size",	required_argument, NULL, O_CHUNK_SIZE },
		{ "create-dataset", no_argument, NULL, O_CREATE_DATASET },
		{ "credentials", required_argument, NULL, O_CREDENTIALS },
		{ "dataset",	required_argument, NULL, O_DATASET },
		{ "dry-run",	no_argument, NULL, O_DRY_RUN },
		{ "endpoint",	required_argument, NULL, O_ENDPOINT },
		{ "help",	no_argument, NULL, 'h' },
		{ "ignore-unknown-values", no_argument, NULL,
		    O_IGNORE_UNKNOWN },
		{ "job-id",	required_argument, NULL, O_JOB_ID },
		{ "job-id-prefix", required_argument, NULL, O_JOB_ID_PREFIX },
		{ "location",	required_argument, NULL, O_LOCATION },
		{ "max-bad-records", required_argument, NULL, O_MAX_BAD },
		{ "no-create-dataset", no_argument, NULL,
		    O_NO_CREATE_DATASET },
		{ "no-progress", no_argument, NULL, O_NO_PROGRESS },
		{ "no-validate", no_argument, NULL, O_NO_VALIDATE },
		{ "poll-interval", required_argument, NULL, O_POLL_INTERVAL },
		{ "progress",	no_argument, NULL, O_PROGRESS },
		{ "project",	required_argument, NULL, O_PROJECT },
		{ "replace",	no_argument, NULL, O_REPLACE },
		{ "request-timeout", required_argument, NULL,
		    O_REQUEST_TIMEOUT },
		{ "retry-initial", required_argument, NULL, O_RETRY_INITIAL },
		{ "schema",	required_argument, NULL, O_SCHEMA },
		{ "table",	required_argument, NULL, O_TABLE },
		{ "timeout",	required_argument, NULL, O_TIMEOUT },
		{ "validate",	no_argument, NULL, O_VALIDATE },
		{ "version",	no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct stat st;
	struct bq_opts o;
	struct gauth_opts go;
	struct bq_schema *schema = NULL;
	struct gauth *g = NULL;
	struct http *h = NULL;
	struct lineio *in = NULL;
	struct outbuf *out;
	/* Static: still reachable when usage() exits early. */
	static char *project, *dataset, *table, *root;
	const char *schema_path = NULL, *ca = NULL, *env, *file = NULL;
	int ch, validate = -1, progress = -1, status = STATUS_FAIL;

	diag_init(argv[0]);
	argv[0] = (char *)diag_prog();	/* getopt's messages name it so */
	/* A closed peer must be an error we report, not a silent death. */
	signal(SIGPIPE, SIG_IGN);
	memset(&o, 0, sizeof(o));
	memset(&go, 0, sizeof(go));
	o.create_dataset = 1;
	o.job_prefix = "bqload_";
	o.chunk = BQ_CHUNK;
	o.timeout_s = 21600;
	o.retry_base_ms = 1000;
	o.retry_cap_ms = 32000;
	o.poll_ms = 500;
	o.max_attempts = 10;
	while ((ch = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (ch) {
		case O_ACCESS_TOKEN_FILE: go.token_file = optarg; break;
		case O_APPEND: o.append = 1; break;
		case O_AUTODETECT: o.autodetect = 1; break;
		case O_CA_BUNDLE: ca = optarg; break;
		case O_CHUNK_SIZE:
			o.chunk = args_size(optarg, "chunk size");
			if (o.chunk == 0 || o.chunk % BQ_CHUNK_UNIT != 0 ||
			    o.chunk > (size_t)1 << 30) {
				diag_msg("--chunk-size must be a multiple of "
				    "256K, at most 1G");
				usage(STATUS_USAGE);
			}
			break;
		case O_CREATE_DATASET: o.create_dataset = 1; break;
		case O_CREDENTIALS: go.credentials = optarg; break;
		case O_DATASET: dataset = xstrdup(optarg); break;
		case O_DRY_RUN: o.dry_run = 1; break;
		case O_ENDPOINT: root = xstrdup(optarg); break;
		case 'h': usage(STATUS_OK);
		case O_IGNORE_UNKNOWN: o.ignore_unknown = 1; break;
		case O_JOB_ID:
			if (!valid_id(optarg, "-") || strlen(optarg) > 1024) {
				diag_msg("--job-id: 1 to 1024 letters, digits, "
				    "_ and -");
				usage(STATUS_USAGE);
			}
			o.job_id = optarg;
			break;
		case O_JOB_ID_PREFIX:
			if (*optarg && !valid_id(optarg, "-")) {
				diag_msg("--job-id-prefix: only letters, "
				    "digits, _ and -");
				usage(STATUS_USAGE);
			}
			o.job_prefix = optarg;
			break;
		case O_LOCATION: o.location = optarg; break;
		case O_MAX_BAD:
			o.max_bad = args_long(optarg, "max bad records", 0,
			    2147483647);
			break;
		case O_NO_CREATE_DATASET: o.create_dataset = 0; break;
		case O_NO_PROGRESS: progress = 0; break;
		case O_NO_VALIDATE: validate = 0; break;
		case O_POLL_INTERVAL:
			o.poll_ms = (long)args_long(optarg, "poll interval", 1,
			    60000);
			break;
		case O_PROGRESS: progress = 1; break;
		case O_PROJECT: project = xstrdup(optarg); break;
		case O_REPLACE: o.append = 0; break;
		case O_REQUEST_TIMEOUT:
			o.request_ms = (long)args_long(optarg,
			    "request timeout", 1, 24L * 3600 * 1000);
			break;
		case O_RETRY_INITIAL:
			o.retry_base_ms = (long)args_long(optarg,
			    "retry initial delay", 1, 60000);
			break;
		case O_SCHEMA: schema_path = optarg; break;
		case O_TABLE: table = xstrdup(optarg); break;
		case O_TIMEOUT:
			o.timeout_s = args_long(optarg, "timeout", 1,
			    31L * 24 * 3600);
			break;
		case O_VALIDATE: validate = 1; break;
		case 'V': puts("bq-load " VERSION); return STATUS_OK;
		default: usage(STATUS_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (table == NULL) {
		if (argc < 1) {
			diag_msg("no destination table");
			usage(STATUS_USAGE);
		}
		split_table(argv[0], &project, &dataset, &table);
		argc--;
		argv++;
	}
	if (argc > 1) {
		diag_msg("one input at most (a file or -)");
		usage(STATUS_USAGE);
	}
	file = argc == 1 ? argv[0] : "-";
	if (go.credentials != NULL && go.token_file != NULL) {
		diag_msg("--credentials and --access-token-file exclude each "
		    "other");
		usage(STATUS_USAGE);
	}
	if (schema_path != NULL && o.autodetect) {
		diag_msg("--schema and --autodetect exclude each other");
		usage(STATUS_USAGE);
	}
	if (dataset == NULL || !valid_id(dataset, "")) {
		diag_msg("%s: a dataset id (letters, digits and _) is needed",
		    dataset ? dataset : "(none)");
		usage(STATUS_USAGE);
	}
	if (*table == '\0' || strlen(table) > 1024) {
		diag_msg("invalid table id");
		usage(STATUS_USAGE);
	}
	if (validate == 1 && schema_path == NULL) {
		diag_msg("--validate needs --schema");
		usage(STATUS_USAGE);
	}
	o.validate = validate != 0;
	o.progress = progress >= 0 ? progress : isatty(STDERR_FILENO);
	if (schema_path != NULL && (schema = bqs_load(schema_path)) == NULL)
		return STATUS_USAGE;
	o.schema = schema;

	if (root == NULL && (env = getenv("BIGQUERY_EMULATOR_HOST")) != NULL &&
	    *env) {
		root = emulator_root(env);
		/* Emulators check no credentials unless some are given. */
		go.anonymous = go.credentials == NULL && go.token_file == NULL;
	}
	if (root == NULL)
		root = xstrdup(BQ_ROOT);
	while (*root && root[strlen(root) - 1] == '/')
		root[strlen(root) - 1] = '\0';
	if (strncmp(root, "https://", 8) != 0 &&
	    strncmp(root, "http://", 7) != 0) {
		diag_msg("%s: the endpoint must be an http or https URL", root);
		usage(STATUS_USAGE);
	}
	o.endpoint = root;
	o.input_name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	if (strcmp(file, "-") != 0 && stat(file, &st) == 0 &&
	    S_ISREG(st.st_mode))
		o.input_path = file;

	if (http_global_init() != 0)
		diag_fatal(STATUS_FAIL, "cannot initialise libcurl");
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	h = http_new(ca);
	go.retry_base_ms = o.retry_base_ms;
	go.retry_cap_ms = o.retry_cap_ms;
	go.max_attempts = 5;
	/* Finding the credentials reads files only; nothing is fetched yet. */
	if ((g = gauth_new(h, &go)) == NULL) {
		status = STATUS_USAGE;
		goto out;
	}
	if (project == NULL) {
		if ((env = getenv("GOOGLE_CLOUD_PROJECT")) != NULL && *env)
			project = xstrdup(env);
		else if ((env = getenv("GCLOUD_PROJECT")) != NULL && *env)
			project = xstrdup(env);
		else if (g != NULL && gauth_project(g) != NULL)
			project = xstrdup(gauth_project(g));
	}
	if (project == NULL || !valid_id(project, "-:.")) {
		diag_msg("%s: a project id is needed (PROJECT.DATASET.TABLE, "
		    "--project or GOOGLE_CLOUD_PROJECT)",
		    project ? project : "(none)");
		status = STATUS_USAGE;
		goto out;
	}
	o.project = project;
	o.dataset = dataset;
	o.table = table;
	/* Open the input before touching the network. */
	if ((!o.dry_run || (o.validate && schema != NULL)) &&
	    (in = lr_open(file)) == NULL)
		goto out;
	out = ob_open(STDOUT_FILENO, "<stdout>");
	status = bq_load(h, g, &o, in, out);
	if (ob_close(out) != 0)
		status = STATUS_FAIL;
out:
	if (in != NULL && lr_close(in) != 0)
		status = STATUS_FAIL;
	gauth_free(g);
	http_free(h);
	http_global_cleanup();
	bqs_free(schema);
	free(project);
	free(dataset);
	free(table);
	free(root);
	OPENSSL_cleanup();
	return status;
}
