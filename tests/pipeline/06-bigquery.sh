# pipeline: etl.sh --sink bigquery into the fake BigQuery: the rows read
# back are the SQLite table's, a rerun replaces them, a failed run loads
# nothing
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
[ -x "$TOOLDIR/bq-load" ] || skip "bq-load not built yet"
. "$TOP/tests/bq-load/fake.sh"
cd "$T"
fake_tok
mkdir in
cp "$TOP"/data/customers* in/
PANS=$T/pans
pans in/customers_billing.xml >"$PANS"
BQ="--sink bigquery --project test-project --dataset ds --endpoint $EP
    --bq-opt --access-token-file --bq-opt $T/token --bq-opt --no-progress"
# bqrows: the table as JSON arrays of BigQuery's strings (null as null),
# every page of tabledata.list read (300 rows a page), by customer_id.
bqrows() {
	$PYS - "$EP" <<'PY'
import json, sys, urllib.request
url = (sys.argv[1] + "/bigquery/v2/projects/test-project/datasets/ds/"
       "tables/customers_transformed/data?maxResults=300")
rows, tok = [], None
while True:
    req = urllib.request.Request(url + ("&pageToken=" + tok if tok else ""),
        headers={"Authorization": "Bearer fakebq-admin"})
    page = json.load(urllib.request.urlopen(req))
    rows += [[c["v"] for c in r["f"]] for r in page.get("rows", [])]
    tok = page.get("pageToken")
    if not tok:
        break
assert int(page["totalRows"]) == len(rows), "totalRows"
rows.sort(key=lambda r: int(r[0]))
for r in rows:
    print(json.dumps(r, ensure_ascii=False))
PY
}
# literows DB: the SQLite table the same way.
literows() {
	$PYS - "$1" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in db.execute("select * from customers_transformed order by customer_id"):
    print(json.dumps([None if v is None else str(v) for v in r],
                     ensure_ascii=False))
PY
}
run 0 $ETL --data in --out lite --quiet
literows lite/customers.db >want
[ "$(wc -l <want)" = 1000 ] || fail "sqlite rows: $(wc -l <want)"
run 0 $ETL --data in --out res $BQ
has "$T/out" '^  rows loaded +1000 .*test-project\.ds\.customers_transformed'
bqrows >got || fail "cannot read the table back"
same got want
no_pan got "$T/fake"
[ "$(log_count '.job_created')" = 1 ] || fail "jobs created != 1"
# The job replaced the table (created if needed) with the schema of
# scripts/: the same columns and types, no CVV.
jid=$(jq -r 'select(.job_created) | .job_id' "$T/fake/log.ndjson")
admin "/bigquery/v2/projects/test-project/jobs/$jid?location=US" >job.json ||
    fail "jobs.get $jid"
jq -e '.configuration.load | .writeDisposition == "WRITE_TRUNCATE" and
    .createDisposition == "CREATE_IF_NEEDED"' job.json >/dev/null ||
    fail "not WRITE_TRUNCATE, CREATE_IF_NEEDED: $(head -c 600 job.json)"
admin /bigquery/v2/projects/test-project/datasets/ds/tables/customers_transformed |
    jq -c '[.schema.fields[] | [.name, .type, .mode]]' >schema.got
jq -c '[.[] | [.name, .type, .mode]]' "$TOP/scripts/customers_transformed.schema.json" >schema.want
same schema.got schema.want
hasnt schema.got cvv
# A rerun replaces the rows: 1000 again, not 2000.
run 0 $ETL --data in --out res --quiet $BQ
bqrows >got
same got want
# A run that fails before the load starts no job and leaves the table.
echo '<Customers><Customer>' >in/customers_billing.xml
run 1 $ETL --data in --out res $BQ
has "$T/err" '^etl.sh: stage billing.extract failed \(exit 1\)$'
[ "$(log_count '.job_created')" = 2 ] || fail "a failed run started a load job"
bqrows >got
same got want
# A load that BigQuery refuses (a token it does not know) fails the run,
# naming the stage and bq-load's message; the table stays.
cp "$TOP"/data/customers_billing.xml in/
printf 'tok-wrong-0000000000\n' >"$T/token"
run 1 $ETL --data in --out res $BQ
has "$T/err" '^etl.sh: stage load failed \(exit 1\)$'
has "$T/err" '^etl.sh: load: bq-load: the access token in .* was rejected'
has "$T/err" '^etl.sh: stopped; the previous table is untouched$'
bqrows >got
same got want
