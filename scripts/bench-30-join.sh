# bench-30-join.sh: the join stage (sales LEFT JOIN marketing, then billing)
# on the cleaned stages of the generated data, against mlr join, a Python
# dict join and ndjson-cli's ndjson-join (npm, installed into build/npm).
# Sourced by scripts/bench; the input of each row is the probe (left) side.
J=$BENCH_DIR/stages
if [ ! -f "$J/.done" ]; then
	echo "bench: preparing join inputs in $J" >&2
	sh "$TOP/scripts/etl.sh" --bin "$TOOLDIR" --data "$BENCH_DIR" \
	    --out "$BENCH_DIR/out" --keep "$J" --sink ndjson --quiet
	touch "$J/.done"
fi
# The build sides are read by the joins themselves: warm them too.
bench_warm "$J/marketing.clean.ndjson" "$J/billing.mask.ndjson"
MK=customer_type,first_name,last_name,company_name
BK=first_name,last_name,company_name,phone_number
bench_row "ndjson-join sales+marketing (build $(($(wc -c <"$J/marketing.clean.ndjson") / 1000000)) MB)" \
    "$J/sales.clean.ndjson" \
    "$TOOLDIR/ndjson-join -k $MK --identity first_name,last_name,company_name --fold --dups none - $J/marketing.clean.ndjson"
bench_row "ndjson-join +billing +customer_id (build $(($(wc -c <"$J/billing.mask.ndjson") / 1000000)) MB)" \
    "$J/join.marketing.ndjson" \
    "$TOOLDIR/ndjson-join -k $BK --fold --dups none --id customer_id --id-from customer_type,first_name,last_name,company_name,email,phone_number,dob - $J/billing.mask.ndjson"
bench_row "ndjson-join --decorate + sort(1), both sides" \
    "$J/sales.clean.ndjson" \
    "$TOOLDIR/ndjson-join --decorate -k $MK --fold - | LC_ALL=C sort -s -t \"\$(printf '\t')\" -k1,1 | cut -f2- >$J/s.sorted; $TOOLDIR/ndjson-join --decorate -k $MK --fold $J/marketing.clean.ndjson | LC_ALL=C sort -s -t \"\$(printf '\t')\" -k1,1 | cut -f2- >$J/m.sorted; true"
bench_row "ndjson-join --sorted, merge only" "$J/s.sorted" \
    "$TOOLDIR/ndjson-join --sorted -k $MK --fold --dups none - $J/m.sorted"
if command -v mlr >/dev/null; then
	# Miller keeps its -f side in memory and streams stdin: the same shape.
	bench_row "mlr join --ur sales+marketing" "$J/sales.clean.ndjson" \
	    "mlr --ijsonl --ojsonl join --ur -j $MK -f $J/marketing.clean.ndjson"
else
	bench_note "mlr join: miller not installed"
fi
bench_row "python3 dict join sales+marketing" "$J/sales.clean.ndjson" \
    "python3 -c '
import json, sys
keys = \"$MK\".split(\",\")
k = lambda r: tuple(r.get(f) for f in keys)
m = {}
for l in open(\"$J/marketing.clean.ndjson\"):
    r = json.loads(l); m.setdefault(k(r), r)
w = sys.stdout.write
for l in sys.stdin:
    r = json.loads(l); o = m.get(k(r))
    if o:
        for f, v in o.items():
            r.setdefault(f, v)
    w(json.dumps(r, ensure_ascii=False, separators=(\",\", \":\")) + \"\\n\")
'"
NPM_DIR=$TOP/build/npm
if [ ! -x "$NPM_DIR/node_modules/.bin/ndjson-join" ] && command -v npm >/dev/null; then
	npm install --silent --prefix "$NPM_DIR" ndjson-cli >/dev/null 2>&1 || true
fi
if [ -x "$NPM_DIR/node_modules/.bin/ndjson-join" ]; then
	# ndjson-cli joins on one expression and prints [left, right] pairs.
	bench_row "ndjson-cli ndjson-join --left sales+marketing" "$J/sales.clean.ndjson" \
	    "$NPM_DIR/node_modules/.bin/ndjson-join --left 'd.customer_type+\"|\"+d.first_name+\"|\"+d.last_name+\"|\"+d.company_name' /dev/stdin $J/marketing.clean.ndjson"
else
	bench_note "ndjson-cli: npm install ndjson-cli failed or npm missing"
fi
