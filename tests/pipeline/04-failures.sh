# pipeline: options, a failing stage, a failing load, Ctrl-C, the ndjson sink
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
[ -f "$SEED/customers.csv" ] || skip "no seed data"
cd "$T"
run 0 $ETL --help
has "$T/out" '^usage: etl.sh'
for args in "--bogus" "--sink s3" "--sink bigquery" "--sink bigquery --project p" \
    "--data" "--stage nosuch"; do
	run 2 $ETL $args
	has "$T/err" '^etl.sh: '
done
run 1 $ETL --data nosuch --out res
has "$T/err" '^etl.sh: nosuch/customers.csv: cannot read$'
# A good run, then runs that fail at different stages: each names the
# stage and its message, exits 1, and the table stays as it was.
mkdir -p in tmp
cp "$SEED"/customers* in/
run 0 $ETL --data in --out res --quiet
table res/customers.db >before
head -c 100000 "$SEED/customers_billing.xml" >in/customers_billing.xml
TMPDIR=$T/tmp run 1 $ETL --data in --out res
has "$T/err" '^etl.sh: stage billing.extract failed \(exit 1\)$'
has "$T/err" '^etl.sh: billing.extract: xml2ndjson: '
has "$T/err" 'the previous table is untouched'
table res/customers.db >after
same before after
[ -z "$(ls tmp)" ] || fail "temporary files left: $(ls tmp)"
cp "$SEED/customers_billing.xml" in/
# A bad record is rejected, counted and reported; the run goes on.
printf '[{"customer_type": "Individual", "first_name": "A"}, 3]\n' \
    >in/customers_subscriptions.json
run 0 $ETL --data in --out res2
has "$T/out" '^  rejected records +1$'
has res2/marketing.extract.rejects.ndjson '"error":"value is a number, not an object"'
# Invalid JSON stops the run.
printf '[{"customer_type": "Individual"}, {"a":' >in/customers_subscriptions.json
run 1 $ETL --data in --out res
has "$T/err" '^etl.sh: stage marketing.extract failed'
has "$T/err" '^etl.sh: marketing.extract: json2ndjson: .*customers_subscriptions.json:1:'
table res/customers.db >after
same before after
# A load that does not fit the schema (a REQUIRED column nobody fills).
cp "$SEED"/customers* in/
sed 's/"sex", "type": "STRING", "mode": "NULLABLE"/"sex", "type": "STRING", "mode": "REQUIRED"/' \
    "$TOP/scripts/customers_transformed.schema.json" >strict.json
run 1 $ETL --data in --out res --schema strict.json
has "$T/err" '^etl.sh: stage load failed \(exit 1\)$'
has "$T/err" "^etl.sh: load: sqlite-load: .*field 'sex': missing required field"
table res/customers.db >after
same before after
# A sales record repeated byte for byte is dropped, counted and reported.
cp in/customers.csv dup.csv
sed -n 2p "$SEED/customers.csv" >>in/customers.csv
run 0 $ETL --data in --out res3
has "$T/out" '^  duplicate sales records dropped +1$'
has "$T/out" '^  rows loaded +1000 '
has res3/join.billing.unmatched.ndjson '"reason":"duplicate record"'
mv dup.csv in/customers.csv
# The NDJSON sink writes the table as a file, rows as in SQLite.
run 0 $ETL --data in --out res --sink ndjson --table t
has "$T/out" '^  rows loaded +1000 '
[ "$(wc -l <res/t.ndjson)" -eq 1000 ] || fail "ndjson sink"
# The BigQuery sink hands the table and the flags to bq-load (dry run).
if [ -x "$TOOLDIR/bq-load" ]; then
	run 0 $ETL --data in --out resbq --sink bigquery --project p1 \
	    --dataset d1 --location EU --bq-opt --dry-run --quiet
	has "$T/out" '"destinationTable":\{"projectId":"p1","datasetId":"d1","tableId":"customers_transformed"\}'
	has "$T/out" '"writeDisposition":"WRITE_TRUNCATE"'
	has "$T/out" '"location":"EU"'
fi
# The load reads the joins' pipe: a join that dies half way (its output
# simply ends) must not be committed.
mkdir fakebin
for t in "$TOOLDIR"/*; do
	ln -s "$t" fakebin/
done
rm fakebin/ndjson-join
cat >fakebin/ndjson-join <<EOF
#!/bin/sh
case "\$*" in
*--id-from*) "$TOOLDIR/ndjson-join" "\$@" | head -n 500; exit 1 ;;
esac
exec "$TOOLDIR/ndjson-join" "\$@"
EOF
chmod +x fakebin/ndjson-join
TMPDIR=$T/tmp run 1 sh "$TOP/scripts/etl.sh" --bin "$T/fakebin" --data in \
    --out res
has "$T/err" '^etl.sh: stage join.billing failed \(exit 1\)$'
# Only the stage that failed is named: the load refusing the cut-short
# input (sqlite-load --commit-if) is its consequence.
hasnt "$T/err" 'stage (join.marketing|load)'
table res/customers.db >after
same before after
[ -z "$(ls tmp)" ] || fail "temporary files left: $(ls tmp)"
# Interrupted (Ctrl-C): exit 130, no temporary files, no stray tools.
mkfifo in/customers.csv.fifo
rm in/customers.csv
mv in/customers.csv.fifo in/customers.csv
# A background job of a script starts with SIGINT ignored, and a shell
# cannot trap a signal ignored on entry: restore it as a terminal would.
TMPDIR=$T/tmp $PY -c '
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp("sh", ["sh"] + sys.argv[1:])
' "$TOP/scripts/etl.sh" --bin "$TOOLDIR" --data in --out res >/dev/null 2>int.err &
pid=$!
sleep 1
kill -INT "$pid"
# Never hang: if the script ignored the signal, unblock it and fail.
( sleep 20; kill -TERM "$pid" 2>/dev/null; : >in/customers.csv ) 2>/dev/null &
guard=$!
set +e
wait "$pid"
rc=$?
set -e
kids=$(pgrep -P "$guard" || true)
kill "$guard" $kids 2>/dev/null || true
[ "$rc" -eq 130 ] || fail "interrupted run exited $rc: $(cat int.err)"
has int.err 'interrupted'
[ -z "$(ls tmp)" ] || fail "temporary files left after Ctrl-C: $(ls tmp)"
