# load with a service-account key: WRITE_TRUNCATE, then --append, read back
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_start "{\"service_accounts\": {\"$SA_EMAIL\": \"$T/sa.pub\"}}"
sa_key "$EP/token"
S=$TOP/tests/bq-load/schema.json R=$TOP/tests/bq-load/rows.ndjson
run 0 bq --credentials "$T/sa.json" --endpoint "$EP" --schema "$S" \
    test-project.ds.people "$R"
has "$T/out" '^\{"job_id":"bqload_[0-9a-f]{32}","location":"US","table":"test-project:ds.people","rows":3,"bytes":[0-9]+,"bad_records":0\}$'
empty "$T/err"
# Exactly one dataset created, one job, one token exchange.
[ "$(log_count '.kind == "dataset_insert" and .status == 200')" = 1 ] || fail "dataset not created once"
[ "$(log_count '.job_created')" = 1 ] || fail "jobs created != 1"
[ "$(log_count '.kind == "token" and .status == 200')" = 1 ] || fail "token not cached"
# Read back through tabledata.list: values as BigQuery strings.
tabledata people >"$T/td.json"
jq -c '.totalRows, (.rows[] | [.f[].v])' "$T/td.json" >"$T/got"
cat >"$T/want" <<'X'
"3"
["1","Ann","1.5","true","1990-01-31","1.7067024E9",[{"v":"a"},{"v":"b"}],{"f":[{"v":"Paris"},{"v":"75001"}]}]
["2","Bob","2.0","false","2000-02-29","1.7180000005E9",[],null]
["3",null,null,null,null,null,[],null]
X
same "$T/got" "$T/want"
# Appending the same rows doubles the table; replacing resets it.
run 0 bq --credentials "$T/sa.json" --endpoint "$EP" --schema "$S" --append \
    test-project.ds.people "$R"
[ "$(tabledata people | jq -r .totalRows)" = 6 ] || fail "append did not add"
[ "$(log_count '.kind == "dataset_get" and .status == 200')" = 1 ] || fail "dataset_get 200"
run 0 bq --credentials "$T/sa.json" --endpoint "$EP" --schema "$S" \
    --project test-project --dataset ds --table people - <"$R"
[ "$(tabledata people | jq -r .totalRows)" = 3 ] || fail "replace did not truncate"
# The job configuration that was sent.
[ "$(log_count '.job_created')" = 3 ] || fail "jobs created != 3"
