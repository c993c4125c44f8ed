# errors that are not retried, job outcomes, slow jobs, --timeout, 409 on a re-run
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_tok '"faults": [
 {"kind": "upload_start", "n": 1, "do": "status", "code": 403, "reason": "quotaExceeded", "message": "Quota exceeded: Your table exceeded quota for imports or query appends per table."},
 {"kind": "dataset_get", "n": 2, "do": "status", "code": 403, "reason": "accessDenied", "message": "Access Denied: Dataset test-project:ds: Permission bigquery.datasets.get denied"}]'
A="--access-token-file $T/token --endpoint $EP"
# quotaExceeded (403) is reported clearly and not retried.
run 1 bq $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/err" '^bq-load: jobs.insert \(upload start\): HTTP 403: quotaExceeded: Quota exceeded: Your table exceeded quota'
has "$T/err" 'quota is exhausted; not retried'
[ "$(log_count '.kind == "upload_start"')" = 1 ] || fail "quotaExceeded retried"
# accessDenied: no retry, a hint about the roles.
run 1 bq $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/err" 'datasets.get: HTTP 403: accessDenied: Access Denied'
has "$T/err" 'BigQuery Data Editor and BigQuery Job User'
[ "$(log_count '.kind == "dataset_get"')" = 2 ] || fail "accessDenied retried"
# invalid (400): a field name BigQuery refuses; not retried.
printf '[{"name": "bad-name", "type": "STRING"}]\n' >"$T/s.json"
printf '{"bad-name": "x"}\n' >"$T/r.ndjson"
n=$(log_count '.kind == "upload_start"')
run 1 bq $A --schema "$T/s.json" test-project.ds.t "$T/r.ndjson"
has "$T/err" 'HTTP 400: invalid: Invalid field name "bad-name"'
[ "$(log_count '.kind == "upload_start"')" = $((n + 1)) ] || fail "invalid retried"
# --no-create-dataset with a missing dataset.
run 1 bq $A --schema "$SCHEMA" --no-create-dataset test-project.nods.t "$ROWS"
has "$T/err" 'dataset test-project:nods not found \(--no-create-dataset\)'
# A persistent 500: bounded retries, then failure.
admin /admin/config '{"faults": [{"kind": "dataset_get", "n": 1, "every": true, "do": "status", "code": 500, "reason": "backendError"}]}' >/dev/null
: >"$T/fake/log.ndjson"
run 1 $BQ_LOAD --retry-initial 1 $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/err" 'datasets.get: HTTP 500: backendError: '
has "$T/err" 'datasets.get: giving up after 10 attempts'
[ "$(log_count '.kind == "dataset_get"')" = 10 ] || fail "attempts != 10"
# A slow job: PENDING, RUNNING, then DONE.
admin /admin/config '{"faults": [], "job_polls": 3}' >/dev/null
: >"$T/fake/log.ndjson"
run 0 bq $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/out" '"rows":3,'
jq -s -r 'sort_by(.seq)[] | select(.kind == "job_get") | .state' "$T/fake/log.ndjson" | tr '\n' ' ' >"$T/states"
[ "$(cat "$T/states")" = "RUNNING RUNNING DONE " ] || fail "states: $(cat "$T/states")"
# A job that takes a second: polled until DONE.
admin /admin/config '{"job_polls": 0, "job_seconds": 1}' >/dev/null
: >"$T/fake/log.ndjson"
run 0 $BQ_LOAD --poll-interval 100 $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
[ "$(log_count '.kind == "job_get" and .state == "RUNNING"')" -ge 2 ] || fail "not polled"
[ "$(log_count '.kind == "job_get" and .state == "DONE"')" = 1 ] || fail "not DONE"
# A job slower than --timeout: exit 1, said so.
admin /admin/config '{"job_polls": 1000000, "job_seconds": 0}' >/dev/null
run 1 $BQ_LOAD --poll-interval 300 --timeout 1 $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/err" 'job bqload_[0-9a-f]+: still (PENDING|RUNNING) when --timeout was reached'
# A job that ends with an errorResult (backendError): exit 1 with BigQuery's text.
admin /admin/config '{"job_polls": 0, "job_fail": {"reason": "backendError", "message": "Backend error. Job aborted."}}' >/dev/null
run 1 bq $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/err" '^bq-load: job bqload_[0-9a-f]+ failed: backendError: Backend error. Job aborted.$'
empty "$T/out"
# Only the first job fails: a file is loaded again under a new job id,
# once; the failed job loaded nothing, so the rows are there once.
admin /admin/config '{"job_fail": {"reason": "backendError", "message": "Backend error. Job aborted.", "count": 1}}' >/dev/null
run 0 bq $A --schema "$SCHEMA" --append test-project.ds.rerun "$ROWS"
has "$T/err" 'failed: backendError: '
has "$T/err" '^bq-load: running the load again as job bqload_[0-9a-f]{32}$'
[ "$(tabledata rerun | jq -r .totalRows)" = 3 ] || fail "rerun rows"
# A stream cannot be read again: no re-run.
admin /admin/config '{"job_fail": {"reason": "backendError", "count": 1}}' >/dev/null
run 1 bq $A --schema "$SCHEMA" --append test-project.ds.rerun - <"$ROWS"
hasnt "$T/err" 'running the load again'
# Nor is a job with a permanent error (invalid) re-run.
admin /admin/config '{"job_fail": {"reason": "invalid", "count": 1}}' >/dev/null
run 1 bq $A --schema "$SCHEMA" --append test-project.ds.rerun "$ROWS"
hasnt "$T/err" 'running the load again'
[ "$(tabledata rerun | jq -r .totalRows)" = 3 ] || fail "rerun rows"
# Re-running with the same --job-id never loads twice: the 409 makes it
# follow the existing job.
admin /admin/config '{"job_fail": null}' >/dev/null
run 0 bq $A --schema "$SCHEMA" --append --job-id etl_run_42 test-project.ds.once "$ROWS"
cp "$T/out" "$T/first"
: >"$T/fake/log.ndjson"
run 0 bq $A --schema "$SCHEMA" --append --job-id etl_run_42 test-project.ds.once "$ROWS"
has "$T/err" 'job etl_run_42 exists already: following it, not loading again'
same "$T/out" "$T/first"
[ "$(log_count '.kind == "upload_start" and .status == 409 and .reason == "duplicate"')" = 1 ] || fail "no 409"
[ "$(log_count '.kind | test("upload_(chunk|final)")')" = 0 ] || fail "data sent again"
[ "$(tabledata once | jq -r .totalRows)" = 3 ] || fail "loaded twice"
# The same with a regional dataset: the second run has no --location and
# finds the job through the location the 409 names.
run 0 bq $A --schema "$SCHEMA" --location europe-west2 --job-id etl_run_43 test-project.reg.t "$ROWS"
has "$T/out" '"location":"europe-west2"'
cp "$T/out" "$T/first"
: >"$T/fake/log.ndjson"
run 0 bq $A --schema "$SCHEMA" --job-id etl_run_43 test-project.reg.t "$ROWS"
same "$T/out" "$T/first"
[ "$(log_count '.kind == "job_get" and .query == "location=europe-west2" and .status == 200')" = 1 ] || fail "409 location"
# An endpoint that refuses connections: retried, then a clear failure.
kill "$FAKE_PID"
wait "$FAKE_PID" 2>/dev/null || true
FAKE_PID=
run 1 $BQ_LOAD --retry-initial 1 $A --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/err" 'datasets.get: (Failed to connect|Couldn.t connect)'
has "$T/err" 'giving up after 10 attempts'
