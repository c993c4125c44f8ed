# the fake itself answers as BigQuery does (checked with curl, independently of bq-load)
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_start '{"static_tokens": ["t0"], "datasets": [{"project": "p", "dataset": "eu", "location": "EU"}]}'
H='Authorization: Bearer t0'
U=$EP/upload/bigquery/v2/projects/p/jobs
# req METHOD URL [curl args]: status in $T/code, headers in $T/h, body in $T/b
req() {
	m=$1 u=$2
	shift 2
	curl -sS -X "$m" -H "$H" -D "$T/h" -o "$T/b" -w '%{http_code}' "$@" "$u" >"$T/code"
}
code() { [ "$(cat "$T/code")" = "$1" ] || fail "status $(cat "$T/code"), want $1: $(cat "$T/b")"; }
# No token: 401 in Google's error shape.
curl -sS -o "$T/b" -w '%{http_code}' "$EP/bigquery/v2/projects/p/datasets/eu" >"$T/code"
code 401
jq -e '.error.code == 401 and .error.errors[0].reason == "authError"' "$T/b" >/dev/null || fail 401
# datasets: get, 404 notFound, insert, 409 duplicate; routes without /bigquery/v2 too.
req GET "$EP/projects/p/datasets/eu"
code 200
jq -e '.kind == "bigquery#dataset" and .id == "p:eu" and .location == "EU" and (.creationTime | type) == "string"' "$T/b" >/dev/null || fail dataset
req GET "$EP/bigquery/v2/projects/p/datasets/nope"
code 404
jq -e '.error.status == "NOT_FOUND" and .error.errors[0].reason == "notFound" and .error.message == "Not found: Dataset p:nope"' "$T/b" >/dev/null || fail 404
req POST "$EP/bigquery/v2/projects/p/datasets" -H 'Content-Type: application/json' \
    --data '{"datasetReference": {"projectId": "p", "datasetId": "eu"}}'
code 409
jq -e '.error.errors[0].reason == "duplicate"' "$T/b" >/dev/null || fail 409
job() { printf '{"jobReference": {"projectId": "p", "jobId": "%s"}, "configuration": {"load": {"destinationTable": {"projectId": "p", "datasetId": "eu", "tableId": "%s"}, "sourceFormat": "NEWLINE_DELIMITED_JSON", "schema": {"fields": [{"name": "n", "type": "INTEGER"}, {"name": "ts", "type": "TIMESTAMP"}]}}}}' "$1" "${2:-t}"; }
# Resumable: 200 + Location; 308 without Range at 0 bytes; a non-final
# chunk that is not a 256 KiB multiple is a 400; a gap is a 400; an
# unknown session is a 404; the final chunk answers the Job (int64 as strings).
req POST "$U?uploadType=resumable" -H 'Content-Type: application/json' --data "$(job j1)"
code 200
S=$(sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p' "$T/h")
case $S in "$U?uploadType=resumable&upload_id="*) ;; *) fail "Location: $S" ;; esac
req PUT "$S" -H 'Content-Range: bytes */*' --data-binary ''
code 308
! grep -qi '^range:' "$T/h" || fail "Range at 0 bytes"
$PYS -c 'import sys; sys.stdout.write(("{\"n\": 1, \"ts\": \"2024-01-31 00:00:00\"}\n" * 20000)[:262144])' >"$T/c1"
head -c 1000 "$T/c1" >"$T/short"
req PUT "$S" -H 'Content-Range: bytes 0-999/*' --data-binary @"$T/short"
code 400
req PUT "$S" -H 'Content-Range: bytes 262144-524287/*' --data-binary @"$T/c1"
code 400
req PUT "$S" -H 'Content-Range: bytes 0-262143/*' --data-binary @"$T/c1"
code 308
grep -q '^Range: bytes=0-262143' "$T/h" || fail "Range after a chunk: $(cat "$T/h")"
req PUT "${S}x" -H 'Content-Range: bytes */*' --data-binary ''
code 404
# the rest of a row, then the end (the row spans the chunk boundary)
$PYS -c 'import sys; r = "{\"n\": 1, \"ts\": \"2024-01-31 00:00:00\"}\n" * 20000; sys.stdout.write(r[262144:r.index("\n", 262144) + 1])' >"$T/c2"
n2=$(wc -c <"$T/c2")
req PUT "$S" -H "Content-Range: bytes 262144-$((262144 + n2 - 1))/$((262144 + n2))" --data-binary @"$T/c2"
code 200
jq -e '.kind == "bigquery#job" and .jobReference.jobId == "j1" and .jobReference.location == "EU"
    and .id == "p:EU.j1" and .status.state == "DONE" and (.status | has("errorResult") | not)
    and .statistics.load.outputRows == "'"$(cat "$T/c1" "$T/c2" | wc -l)"'" and .statistics.load.inputFileBytes == "'"$((262144 + n2))"'"' \
    "$T/b" >/dev/null || fail "job: $(cat "$T/b")"
# The status query after the end answers the job again.
req PUT "$S" -H 'Content-Range: bytes */*' --data-binary ''
code 200
# jobs.get: the right location, and 404 for the wrong one.
req GET "$EP/bigquery/v2/projects/p/jobs/j1?location=EU"
code 200
req GET "$EP/bigquery/v2/projects/p/jobs/j1?location=US"
code 404
# The same job id again: 409 duplicate "Already Exists: Job p:EU.j1".
req POST "$U?uploadType=resumable" -H 'Content-Type: application/json' --data "$(job j1)"
code 409
jq -e '.error.message == "Already Exists: Job p:EU.j1"' "$T/b" >/dev/null || fail dup
# Multipart as other clients send it: quoted boundary, lower-case part
# headers, no CRLF after the closing delimiter.
printf -- '--=_b_\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n%s\r\n--=_b_\r\ncontent-type: */*\r\n\r\n{"n": "7", "ts": 0}\n{"n": -1, "ts": "1970-01-01T00:00:01.5Z"}\r\n--=_b_--' \
    "$(job j2 t2)" >"$T/mp"
req POST "$U?uploadType=multipart" -H 'Content-Type: multipart/related; boundary="=_b_"' --data-binary @"$T/mp"
code 200
jq -e '.status.state == "DONE" and .statistics.load.outputRows == "2"' "$T/b" >/dev/null || fail multipart
# tabledata.list: strings, TIMESTAMP as float seconds or int64 micros, paging.
req GET "$EP/bigquery/v2/projects/p/datasets/eu/tables/t2/data?maxResults=1"
code 200
jq -e '.kind == "bigquery#tableDataList" and .totalRows == "2" and .rows == [{"f": [{"v": "7"}, {"v": "0.0"}]}] and .pageToken' "$T/b" >/dev/null || fail "page 1: $(cat "$T/b")"
req GET "$EP/bigquery/v2/projects/p/datasets/eu/tables/t2/data?startIndex=1&formatOptions.useInt64Timestamp=true"
jq -e '.rows == [{"f": [{"v": "-1"}, {"v": "1500000"}]}] and (has("pageToken") | not)' "$T/b" >/dev/null || fail "page 2: $(cat "$T/b")"
req GET "$EP/bigquery/v2/projects/p/datasets/eu/tables/t2"
jq -e '.numRows == "2" and .schema.fields[0].name == "n" and .type == "TABLE"' "$T/b" >/dev/null || fail table
req GET "$EP/bigquery/v2/projects/p/datasets/eu/tables/zz"
code 404
# The metadata server wants Metadata-Flavor: Google.
curl -sS -o "$T/b" -w '%{http_code}' "$EP/computeMetadata/v1/instance/service-accounts/default/token" >"$T/code"
code 403
# The request log lists every call (and no admin call).
[ "$(log_count 'true')" -ge 20 ] || fail "log"
[ "$(log_count '.path | startswith("/admin")')" = 0 ] || fail "admin logged"
# The same log over the admin endpoint, and the state summary.
[ "$(admin /admin/log | jq length)" = "$(wc -l <"$T/fake/log.ndjson")" ] || fail "admin log"
admin /admin/state | jq -e '.tables == {"p:eu.t": '"$(cat "$T/c1" "$T/c2" | wc -l)"', "p:eu.t2": 2}
    and .jobs == ["j1", "j2"] and .datasets == ["p:eu"]' >/dev/null || fail "state: $(admin /admin/state)"
