# --validate: bad rows reported as file:line: field: message, no job spent
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_tok
cat >"$T/bad.ndjson" <<'X'
{"id": 1, "dob": "1990-02-30"}
{"name": "no id"}
{"id": 3, "score": "abc"}
{"id": 4, "tags": "notalist"}
{"id": 5, "addr": {"city": "x", "zip": "9a"}}
{"id": 6, "extra": 1}
{"id": 7, "seen": "yesterday"}
{"id": 8, "active": "maybe"}
[1, 2]
{"id": 10, "dob": "2024-01-31", "seen": "2024/01/31 10:11:12.123456+02:00"}
X
run 1 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    test-project.ds.t "$T/bad.ndjson"
cat >"$T/want" <<X
bq-load: $T/bad.ndjson:1: dob: invalid DATE value "1990-02-30"
bq-load: $T/bad.ndjson:2: id: REQUIRED field is missing
bq-load: $T/bad.ndjson:3: score: invalid FLOAT value "abc"
bq-load: $T/bad.ndjson:4: tags: a REPEATED field needs an array, got a string
bq-load: $T/bad.ndjson:5: addr.zip: invalid INT64 value "9a"
bq-load: $T/bad.ndjson:6: extra: no such field in the schema (--ignore-unknown-values drops it)
bq-load: $T/bad.ndjson:7: seen: invalid TIMESTAMP value "yesterday"
bq-load: $T/bad.ndjson:8: active: invalid BOOLEAN value "maybe"
bq-load: $T/bad.ndjson:9: a row must be a JSON object, not an array
bq-load: $T/bad.ndjson: 9 bad rows (--max-bad-records 0): nothing loaded, no job created
X
same "$T/err" "$T/want"
empty "$T/out"
[ "$(log_count '.job_created')" = 0 ] || fail "a job was created"
# Within --max-bad-records the rows go up and BigQuery skips them
# (reported as warnings); the good rows are loaded.
printf '{"id": 1}\n{"id": "x"}\n{"id": 3}\n' >"$T/one.ndjson"
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --max-bad-records 1 test-project.ds.t "$T/one.ndjson"
has "$T/out" '"rows":2,.*"bad_records":1\}$'
has "$T/err" 'one.ndjson:2: id: invalid INTEGER value "x"'
has "$T/err" '^bq-load: warning: skipped: invalid at file-00000000: Error while reading data, error message: JSON parsing error in row starting at position 10: Could not convert value'
# --ignore-unknown-values: extra keys are fine, locally and remotely.
printf '{"id": 1, "extra": true}\n' >"$T/extra.ndjson"
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --ignore-unknown-values test-project.ds.t "$T/extra.ndjson"
has "$T/out" '"rows":1,'
# --no-validate: the bad row reaches BigQuery, whose job fails with row
# errors (reason, location, message); exit 1.
run 1 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --no-validate test-project.ds.t "$T/one.ndjson"
has "$T/err" '^bq-load: job bqload_[0-9a-f]+ failed: invalid: Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: 3; errors: 1.'
has "$T/err" '^bq-load: error: invalid at file-00000000: .*position 10: Could not convert value .string_value: "x". to integer. Field: id; Value: x'
empty "$T/out"
# Streaming: a bad row after several chunks went up stops the upload
# before its final chunk, so no job is created.
gen_rows 3500 "$T/big.ndjson"
printf '{"id": 1, "dob": "31/12/1990"}\n' >>"$T/big.ndjson"
n=$(log_count '.job_created')
cat "$T/big.ndjson" | run 1 bq --access-token-file "$T/token" --endpoint "$EP" \
    --schema "$SCHEMA" --chunk-size 256K test-project.ds.t2 -
has "$T/err" '^bq-load: <stdin>:3501: dob: invalid DATE value "31/12/1990"$'
[ "$(log_count '.kind == "upload_chunk" and .status == 308')" -ge 2 ] || fail "no chunk went up"
[ "$(log_count '.job_created')" = "$n" ] || fail "a job was created"
