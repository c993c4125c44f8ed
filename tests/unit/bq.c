/* Unit tests for bq-load's modules: JWT signing, retry rules, upload
 * ranges, error bodies, schema checks and the job configuration. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "common/bigquery.h"
#include "common/bqschema.h"
#include "common/gauth.h"
#include "common/http.h"
#include "common/jsonx.h"
#include "common/outbuf.h"
#include "tests/unit/unit.h"

/* Decode base64url without padding; returns the length or -1. */
static long
b64url_dec(const char *s, size_t n, unsigned char *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned long acc = 0;
	long k = 0;
	int bits = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p = memchr(tab, s[i], 64);

		if (p == NULL || s[i] == '\0')
			return -1;
		acc = acc << 6 | (unsigned long)(p - tab);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[k++] = (unsigned char)(acc >> bits);
		}
	}
	return k;
}

static void
test_b64url(void)
{
	char *s;

	s = gauth_b64url("", 0);
	CHECK_STR(s, "");
	free(s);
	s = gauth_b64url("f", 1);
	CHECK_STR(s, "Zg");
	free(s);
	s = gauth_b64url("fo", 2);
	CHECK_STR(s, "Zm8");
	free(s);
	s = gauth_b64url("foo", 3);
	CHECK_STR(s, "Zm9v");
	free(s);
	s = gauth_b64url("\xfb\xff\xbf", 3);	/* the url-safe letters */
	CHECK_STR(s, "-_-_");
	free(s);
}

static void
test_jwt(void)
{
	EVP_PKEY *key = EVP_RSA_gen(2048);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char buf[1024];
	char *jwt, *d1, *d2;
	long n;

	CHECK(key != NULL);
	jwt = gauth_jwt(key, "kid1", "sa@p.iam.gserviceaccount.com",
	    GAUTH_SCOPE, "https://oauth2.googleapis.com/token", 1700000000);
	CHECK(jwt != NULL);
	d1 = strchr(jwt, '.');
	d2 = d1 ? strchr(d1 + 1, '.') : NULL;
	CHECK(d2 != NULL && strchr(d2 + 1, '.') == NULL);
	CHECK(strchr(jwt, '=') == NULL && strchr(jwt, '+') == NULL &&
	    strchr(jwt, '/') == NULL);
	n = b64url_dec(jwt, (size_t)(d1 - jwt), buf);
	buf[n < 0 ? 0 : n] = '\0';
	CHECK_STR((char *)buf, "{\"alg\":\"RS256\",\"typ\":\"JWT\","
	    "\"kid\":\"kid1\"}");
	n = b64url_dec(d1 + 1, (size_t)(d2 - d1 - 1), buf);
	buf[n < 0 ? 0 : n] = '\0';
	CHECK_STR((char *)buf, "{\"iss\":\"sa@p.iam.gserviceaccount.com\","
	    "\"scope\":\"https://www.googleapis.com/auth/bigquery\","
	    "\"aud\":\"https://oauth2.googleapis.com/token\","
	    "\"iat\":1700000000,\"exp\":1700003600}");
	/* RSASSA-PKCS1-v1_5 SHA-256 over "header.claims", by the public key. */
	n = b64url_dec(d2 + 1, strlen(d2 + 1), buf);
	CHECK(n == 256);
	CHECK(EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, key) == 1);
	CHECK(EVP_DigestVerify(md, buf, (size_t)n, (unsigned char *)jwt,
	    (size_t)(d2 - jwt)) == 1);
	/* A changed claim no longer verifies. */
	jwt[d1 - jwt + 3] ^= 1;
	EVP_MD_CTX_free(md);
	md = EVP_MD_CTX_new();
	CHECK(EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, key) == 1);
	CHECK(EVP_DigestVerify(md, buf, (size_t)n, (unsigned char *)jwt,
	    (size_t)(d2 - jwt)) != 1);
	free(jwt);
	/* Without a kid the header has none. */
	jwt = gauth_jwt(key, NULL, "a", "s", "u", 1);
	d1 = strchr(jwt, '.');
	n = b64url_dec(jwt, (size_t)(d1 - jwt), buf);
	buf[n] = '\0';
	CHECK_STR((char *)buf, "{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
	free(jwt);
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(key);
}

static void
test_classify(void)
{
	CHECK(http_classify(200, 0, "") == HTTP_OK);
	CHECK(http_classify(308, 0, "") == HTTP_OK);
	CHECK(http_classify(0, 0, "") == HTTP_RETRY);	/* reset, timeout */
	CHECK(http_classify(0, 1, "") == HTTP_FATAL);	/* TLS, DNS */
	CHECK(http_classify(401, 0, "authError") == HTTP_AUTH);
	CHECK(http_classify(403, 0, "rateLimitExceeded") == HTTP_RETRY);
	CHECK(http_classify(403, 0, "userRateLimitExceeded") == HTTP_RETRY);
	CHECK(http_classify(403, 0, "quotaExceeded") == HTTP_FATAL);
	CHECK(http_classify(403, 0, "accessDenied") == HTTP_FATAL);
	CHECK(http_classify(403, 0, "") == HTTP_FATAL);
	CHECK(http_classify(408, 0, "") == HTTP_RETRY);
	CHECK(http_classify(429, 0, "") == HTTP_RETRY);
	CHECK(http_classify(500, 0, "backendError") == HTTP_RETRY);
	CHECK(http_classify(502, 0, "") == HTTP_RETRY);
	CHECK(http_classify(503, 0, "") == HTTP_RETRY);
	CHECK(http_classify(504, 0, "") == HTTP_RETRY);
	CHECK(http_classify(501, 0, "notImplemented") == HTTP_FATAL);
	CHECK(http_classify(400, 0, "invalid") == HTTP_FATAL);
	CHECK(http_classify(400, 0, "backendError") == HTTP_RETRY);
	CHECK(http_classify(404, 0, "notFound") == HTTP_FATAL);
	CHECK(http_classify(409, 0, "duplicate") == HTTP_FATAL);
}

static void
test_backoff(void)
{
	long d;
	int i, a;

	for (i = 0; i < 200; i++)
		for (a = 0; a < 12; a++) {
			long want = 1000L << (a < 6 ? a : 6);

			if (want > 32000)
				want = 32000;
			d = http_backoff_ms(a, 1000, 32000, -1);
			if (d < want / 2 || d > want) {
				CHECK(!"backoff out of bounds");
				return;
			}
		}
	CHECK(http_backoff_ms(3, 1000, 32000, 7) == 7000);	/* Retry-After */
	CHECK(http_backoff_ms(0, 1000, 32000, 0) == 0);
	CHECK(http_backoff_ms(40, 1000, 32000, -1) <= 32000);
}

static void
test_ranges(void)
{
	char buf[64];

	CHECK(bq_range_next(NULL) == 0);
	CHECK(bq_range_next("bytes=0-262143") == 262144);
	CHECK(bq_range_next("bytes=0-0") == 1);
	CHECK(bq_range_next("bytes=1-5") == -1);
	CHECK(bq_range_next("bytes 0-5") == -1);
	CHECK(bq_range_next("bytes=0-") == -1);
	CHECK(bq_range_next("bytes=0-12x") == -1);
	bq_content_range(buf, sizeof(buf), 0, 262144, -1);
	CHECK_STR(buf, "bytes 0-262143/*");
	bq_content_range(buf, sizeof(buf), 262144, 10, 262154);
	CHECK_STR(buf, "bytes 262144-262153/262154");
	bq_content_range(buf, sizeof(buf), 0, 0, -1);
	CHECK_STR(buf, "bytes */*");
	bq_content_range(buf, sizeof(buf), 0, 0, 524288);
	CHECK_STR(buf, "bytes */524288");
}

static void
test_errors(void)
{
	static const char body[] = "{\"error\": {\"code\": 403, \"message\": "
	    "\"Exceeded rate limits: too many api requests\", \"errors\": "
	    "[{\"message\": \"x\", \"domain\": \"usageLimits\", \"reason\": "
	    "\"rateLimitExceeded\"}], \"status\": \"PERMISSION_DENIED\"}}";
	char reason[64], msg[128];

	bq_error_reason(body, strlen(body), reason, sizeof(reason), msg,
	    sizeof(msg));
	CHECK_STR(reason, "rateLimitExceeded");
	CHECK_STR(msg, "Exceeded rate limits: too many api requests");
	bq_error_reason("<html>502</html>", 16, reason, sizeof(reason), msg,
	    sizeof(msg));
	CHECK_STR(reason, "");
	CHECK_STR(msg, "");
	bq_error_reason("{\"error\":\"invalid_grant\"}", 25, reason,
	    sizeof(reason), msg, sizeof(msg));
	CHECK_STR(reason, "");
}

static const char schema_text[] =
    "{\"fields\": [{\"name\": \"id\", \"type\": \"INT64\", \"mode\": "
    "\"REQUIRED\"}, {\"name\": \"d\", \"type\": \"DATE\"}, {\"name\": "
    "\"ts\", \"type\": \"TIMESTAMP\"}, {\"name\": \"f\", \"type\": "
    "\"FLOAT\"}, {\"name\": \"b\", \"type\": \"BOOL\"}, {\"name\": \"t\", "
    "\"type\": \"TIME\"}, {\"name\": \"dt\", \"type\": \"DATETIME\"}, "
    "{\"name\": \"n\", \"type\": \"NUMERIC\"}, {\"name\": \"by\", \"type\": "
    "\"BYTES\"}, {\"name\": \"tags\", \"type\": \"STRING\", \"mode\": "
    "\"REPEATED\"}, {\"name\": \"r\", \"type\": \"RECORD\", \"fields\": "
    "[{\"name\": \"x\", \"type\": \"INTEGER\", \"mode\": \"REQUIRED\"}]}, "
    "{\"name\": \"j\", \"type\": \"JSON\"}, {\"name\": \"s\", \"type\": "
    "\"STRING\"}]}";

/* Check row; "" when it passes, else the message. */
static const char *
chk(struct bqs_checker *c, const char *row)
{
	static char err[256];

	if (bqs_check(c, row, strlen(row), err, sizeof(err)) == 0)
		return "";
	return err;
}

static void
test_schema(void)
{
	struct bq_schema *s = bqs_parse(schema_text, strlen(schema_text),
	    "t");
	struct bqs_checker *c, *ci;
	const char *j;
	size_t n;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	CHECK(bqs_nfields(s) == 13);
	j = bqs_json(s, &n);
	CHECK(n > 0 && j[0] == '[' && j[n - 1] == ']' &&
	    strchr(j, ' ') == NULL);
	c = bqs_checker_new(s, 0);
	ci = bqs_checker_new(s, 1);
	CHECK_STR(chk(c, "{\"id\": 1}"), "");
	CHECK_STR(chk(c, "{\"ID\": \"-42\"}"), "");	/* case-insensitive */
	CHECK_STR(chk(c, "{\"id\": 1.0}"), "");
	CHECK_STR(chk(c, "{\"id\": 1.5}"), "id: invalid INT64 value: a number");
	CHECK_STR(chk(c, "{\"id\": \"9223372036854775808\"}"),
	    "id: invalid INT64 value \"9223372036854775808\"");
	CHECK_STR(chk(c, "{}"), "id: REQUIRED field is missing");
	CHECK_STR(chk(c, "{\"id\": null}"), "id: REQUIRED field is null");
	CHECK_STR(chk(c, "{\"id\": 1, \"d\": \"2024-02-29\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"d\": \"2023-02-29\"}"),
	    "d: invalid DATE value \"2023-02-29\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"d\": \"2024/01/31\"}"),
	    "d: invalid DATE value \"2024/01/31\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"d\": \"31-01-2024\"}"),
	    "d: invalid DATE value \"31-01-2024\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"ts\": \"2024-01-31T10:00:00Z\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"ts\": \"2024/01/31 10:00:00.5 "
	    "-05:30\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"ts\": \"2024-01-31 10:00:00 UTC\"}"),
	    "");
	CHECK_STR(chk(c, "{\"id\": 1, \"ts\": 1718000000.25}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"ts\": \"2024-01-31 25:00:00\"}"),
	    "ts: invalid TIMESTAMP value \"2024-01-31 25:00:00\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"f\": \"NaN\", \"b\": \"TRUE\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"f\": \"1e5\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"f\": true}"),
	    "f: invalid FLOAT value: a boolean");
	CHECK_STR(chk(c, "{\"id\": 1, \"b\": 1}"),
	    "b: invalid BOOL value: a number");
	CHECK_STR(chk(c, "{\"id\": 1, \"t\": \"23:59:59.999999\", \"dt\": "
	    "\"2024-01-31T23:59:59\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"t\": \"24:00:00\"}"),
	    "t: invalid TIME value \"24:00:00\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"n\": \"-12.3400\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"n\": \"1.2.3\"}"),
	    "n: invalid NUMERIC value \"1.2.3\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"by\": \"aGk=\"}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"by\": \"aGk\"}"),
	    "by: invalid BYTES value \"aGk\"");
	CHECK_STR(chk(c, "{\"id\": 1, \"tags\": [\"a\", 2]}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"tags\": [\"a\", null]}"),
	    "tags: null inside a REPEATED array");
	CHECK_STR(chk(c, "{\"id\": 1, \"tags\": \"a\"}"),
	    "tags: a REPEATED field needs an array, got a string");
	CHECK_STR(chk(c, "{\"id\": 1, \"s\": [\"a\"]}"),
	    "s: array given for a non-REPEATED field");
	CHECK_STR(chk(c, "{\"id\": 1, \"s\": {\"a\": 1}}"),
	    "s: invalid STRING value: an object");
	CHECK_STR(chk(c, "{\"id\": 1, \"r\": {\"x\": 2}}"), "");
	CHECK_STR(chk(c, "{\"id\": 1, \"r\": {}}"),
	    "r.x: REQUIRED field is missing");
	CHECK_STR(chk(c, "{\"id\": 1, \"r\": {\"x\": 1, \"y\": 2}}"),
	    "r.y: no such field in the schema (--ignore-unknown-values "
	    "drops it)");
	CHECK_STR(chk(ci, "{\"id\": 1, \"r\": {\"x\": 1, \"y\": 2}, \"z\": 0}"),
	    "");
	CHECK_STR(chk(c, "{\"id\": 1, \"r\": 5}"),
	    "r: expected an object for RECORD, got a number");
	CHECK_STR(chk(c, "{\"id\": 1, \"j\": {\"any\": [1, {\"x\": null}]}}"),
	    "");
	CHECK_STR(chk(c, "{\"id\": 1,}"), "invalid JSON: expected a string key");
	CHECK_STR(chk(c, "42"), "a row must be a JSON object, not a number");
	bqs_checker_free(c);
	bqs_checker_free(ci);
	bqs_free(s);
	/* Bad schemas. */
#define PARSE(text) bqs_parse((text), strlen(text), "t")
	CHECK(PARSE("[]") == NULL);
	CHECK(PARSE("[{\"name\": \"a\"}]") == NULL);
	CHECK(PARSE("[{\"name\": \"a\", \"type\": \"RECORD\"}]") == NULL);
	CHECK(PARSE("[{\"name\": \"a\", \"type\": \"STRING\"}, {\"name\": "
	    "\"A\", \"type\": \"INT64\"}]") == NULL);
	CHECK(PARSE("[{\"name\": \"1a\", \"type\": \"STRING\"}]") == NULL);
	s = PARSE("[{\"name\": \"a\", \"type\": \"string\", \"mode\": "
	    "\"nullable\"}]");
	CHECK(s != NULL);
	bqs_free(s);
}

static void
test_job_json(void)
{
	struct outbuf *ob = ob_mem();
	struct bq_opts o;
	const char *d;
	size_t n;

	memset(&o, 0, sizeof(o));
	o.project = "p";
	o.dataset = "d";
	o.table = "t \"q\"";
	o.max_bad = 5;
	bq_job_json(ob, &o, "job_1");
	d = ob_data(ob, &n);
	CHECK_STR(d, "{\"jobReference\":{\"projectId\":\"p\",\"jobId\":"
	    "\"job_1\"},\"configuration\":{\"labels\":{\"tool\":\"bq-load\"},"
	    "\"load\":{\"destinationTable\":{\"projectId\":\"p\",\"datasetId\":"
	    "\"d\",\"tableId\":\"t \\\"q\\\"\"},\"sourceFormat\":"
	    "\"NEWLINE_DELIMITED_JSON\",\"writeDisposition\":\"WRITE_TRUNCATE\","
	    "\"createDisposition\":\"CREATE_IF_NEEDED\",\"autodetect\":false,"
	    "\"ignoreUnknownValues\":false,\"maxBadRecords\":5}}}");
	ob_close(ob);
}

static void
test_job_id(void)
{
	char a[64], b[64];
	size_t i;

	bq_job_id(a, sizeof(a), "pre_");
	bq_job_id(b, sizeof(b), "pre_");
	CHECK(strlen(a) == 36 && strncmp(a, "pre_", 4) == 0);
	CHECK(strcmp(a, b) != 0);
	for (i = 4; i < strlen(a); i++)
		if (!strchr("0123456789abcdef", a[i]))
			CHECK(!"job id not hex");
}

static void
test_escape(void)
{
	struct outbuf *ob = ob_mem();
	const char *d;
	size_t n;

	http_escape(ob, "a b/c$é~._-");
	d = ob_data(ob, &n);
	CHECK_STR(d, "a%20b%2Fc%24%C3%A9~._-");
	ob_close(ob);
}

int
main(void)
{
	test_b64url();
	test_jwt();
	test_classify();
	test_backoff();
	test_ranges();
	test_errors();
	test_schema();
	test_job_json();
	test_job_id();
	test_escape();
	return UNIT_DONE("bq");
}
