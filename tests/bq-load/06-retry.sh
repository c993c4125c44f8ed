# transient faults are retried: 5xx (with and without a body), 429 with Retry-After, 403 rateLimitExceeded
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_tok '"job_polls": 2, "faults": [
 {"kind": "dataset_get", "n": 1, "do": "status", "code": 500, "reason": "backendError"},
 {"kind": "dataset_insert", "n": 1, "do": "status", "code": 503, "bodiless": true},
 {"kind": "upload_start", "n": 1, "do": "status", "code": 429, "reason": "rateLimitExceeded", "retry_after": 1},
 {"kind": "upload_chunk", "n": 2, "do": "status", "code": 502, "bodiless": true},
 {"kind": "upload_status", "n": 1, "do": "status", "code": 500, "reason": "internalError"},
 {"kind": "job_get", "n": 1, "do": "status", "code": 403, "reason": "rateLimitExceeded"},
 {"kind": "job_get", "n": 2, "do": "status", "code": 408, "bodiless": true}]'
gen_rows 4000 "$T/in.ndjson"
size=$(wc -c <"$T/in.ndjson")
[ "$size" -gt 524288 ] && [ "$size" -le 786432 ] || fail "input size $size"
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --chunk-size 256K test-project.ds.t "$T/in.ndjson"
has "$T/out" '"rows":4000,'
empty "$T/err"
jq -s -r 'sort_by(.seq)[] | [.kind, .status, .content_range // ""] | @tsv' "$T/fake/log.ndjson" >"$T/seq"
cat >"$T/want" <<'X'
dataset_get	500	
dataset_get	404	
dataset_insert	503	
dataset_insert	200	
upload_start	429	
upload_start	200	
upload_chunk	308	bytes 0-262143/*
upload_chunk	502	bytes 262144-524287/*
upload_status	500	bytes */*
upload_status	308	bytes */*
upload_chunk	308	bytes 262144-524287/*
upload_final	200	bytes 524288-622889/622890
job_get	403	
job_get	408	
job_get	200	
job_get	200	
X
sed -i "s|622889/622890|$((size - 1))/$size|" "$T/want"
same "$T/seq" "$T/want"
# One job, the rows loaded once.
[ "$(log_count '.job_created')" = 1 ] || fail "jobs created != 1"
[ "$(tabledata t | jq -r .totalRows)" = 4000 ] || fail "rows"
# A server that does not answer in time: the request times out and is
# retried (the second answer comes at once).
admin /admin/config '{"job_polls": 0, "faults": [{"kind": "dataset_get", "n": 1, "do": "hang", "seconds": 4}]}' >/dev/null
mv "$T/fake/log.ndjson" "$T/log1.ndjson"
: >"$T/fake/log.ndjson"
run 0 bq --request-timeout 500 --access-token-file "$T/token" --endpoint "$EP" \
    --schema "$SCHEMA" test-project.ds.t "$ROWS"
empty "$T/err"
[ "$(log_count '.kind == "dataset_get" and .status == 200')" -ge 1 ] || fail "no retry after a timeout"
cp "$T/log1.ndjson" "$T/fake/log.ndjson"
# Poll requests carry the job's location.
[ "$(log_count '.kind == "job_get" and .query == "location=US"')" = 4 ] || fail "location"
