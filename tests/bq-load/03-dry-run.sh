# --dry-run prints the job configuration and the requests; sends nothing
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_start "{\"service_accounts\": {\"$SA_EMAIL\": \"$T/sa.pub\"}}"
sa_key "$EP/token"
run 0 bq --dry-run --credentials "$T/sa.json" --endpoint "$EP" --schema "$SCHEMA" \
    --location EU --max-bad-records 3 --ignore-unknown-values --append \
    --job-id-prefix etl_ p.ds.people "$ROWS"
sed -n 2p "$T/out" >"$T/job.json"
jq -e '.jobReference.projectId == "p" and (.jobReference.jobId | test("^etl_[0-9a-f]{32}$"))
    and .jobReference.location == "EU"
    and .configuration.load.destinationTable == {"projectId":"p","datasetId":"ds","tableId":"people"}
    and .configuration.load.sourceFormat == "NEWLINE_DELIMITED_JSON"
    and .configuration.load.writeDisposition == "WRITE_APPEND"
    and .configuration.load.createDisposition == "CREATE_IF_NEEDED"
    and .configuration.load.maxBadRecords == 3
    and .configuration.load.ignoreUnknownValues == true
    and .configuration.load.autodetect == false
    and (.configuration.load.schema.fields | length) == 8
    and .configuration.load.schema.fields[7].fields[1].type == "INT64"' \
    "$T/job.json" >/dev/null || fail "job config: $(cat "$T/job.json")"
has "$T/out" "^GET $EP/bigquery/v2/projects/p/datasets/ds$"
has "$T/out" "^POST $EP/upload/bigquery/v2/projects/p/jobs\\?uploadType=resumable$"
has "$T/out" "^# credentials: service account $SA_EMAIL"
# Defaults: WRITE_TRUNCATE, no location, autodetect.
run 0 bq --dry-run --endpoint "$EP" --autodetect --no-create-dataset p.ds.t
sed -n 2p "$T/out" | jq -e '.configuration.load.writeDisposition == "WRITE_TRUNCATE"
    and .configuration.load.autodetect == true and (.configuration.load | has("schema") | not)
    and (.jobReference | has("location") | not)' >/dev/null || fail "defaults"
hasnt "$T/out" 'only if the dataset is missing'
# bq's P:D.T form, with a legacy domain-scoped project (escaped in URLs).
run 0 bq --dry-run --endpoint "$EP" example.com:proj:ds.t
sed -n 2p "$T/out" | jq -e '.configuration.load.destinationTable == {"projectId":"example.com:proj","datasetId":"ds","tableId":"t"}' >/dev/null || fail "P:D.T"
has "$T/out" "^GET $EP/bigquery/v2/projects/example.com%3Aproj/datasets/ds$"
# Bad rows are still found (locally) in a dry run.
printf '{"id": "x"}\n' >"$T/bad.ndjson"
run 1 bq --dry-run --endpoint "$EP" --schema "$SCHEMA" p.ds.t "$T/bad.ndjson"
has "$T/err" 'bad.ndjson:1: id: invalid INTEGER value "x"'
# Nothing reached the server: no token exchange, no API call.
empty "$T/fake/log.ndjson"
