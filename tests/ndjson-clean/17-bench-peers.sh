# ndjson-clean: the benchmark's jq, Miller and Python peers compute what ndjson-clean --phone does
. "$TOP/tests/lib.sh"
[ -f "$SEED/customers.csv" ] || skip "no seed data"
dir=$TOP/scripts/bench-clean
$PY - "$SEED/customers.csv" >"$T/in" <<'PY'
import csv, itertools, json, sys
rows = csv.DictReader(open(sys.argv[1], newline=""))
for row in itertools.islice(rows, 300):
    print(json.dumps(row, ensure_ascii=False))
PY
echo '{"FirstName":" a ","Postal Code":"x","phone_number":"0191 496 0841"}' >>"$T/in"
run 0 $NDJSON_CLEAN --phone phone_number "$T/in"
mv "$T/out" "$T/want"
run 0 $PY "$dir/clean.py" <"$T/in"
same "$T/out" "$T/want"
if command -v jq >/dev/null 2>&1; then
	run 0 jq -c -f "$dir/clean.jq" "$T/in"
	same "$T/out" "$T/want"
fi
if command -v mlr >/dev/null 2>&1 && command -v jq >/dev/null 2>&1; then
	mlr --ijsonl --ojsonl put -q -f "$dir/clean.mlr" "$T/in" | jq -c . >"$T/mlr"
	same "$T/mlr" "$T/want"
fi
