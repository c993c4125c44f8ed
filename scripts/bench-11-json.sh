# bench-11-json.sh: json2ndjson against jq and Python on the marketing array
# (sourced by scripts/bench; $BENCH_DIR, $TOOLDIR and bench_row are set).
json_in=$BENCH_DIR/customers_subscriptions.json
if [ -f "$json_in" ]; then
	bench_row "json2ndjson (array)" "$json_in" "$TOOLDIR/json2ndjson"
	bench_row "json2ndjson -e '.[]' (libjq)" "$json_in" \
	    "$TOOLDIR/json2ndjson -e '.[]'"
	if command -v jq >/dev/null 2>&1; then
		bench_row "jq -c '.[]'" "$json_in" "jq -c '.[]'"
	else
		bench_note "jq -c '.[]': jq not installed"
	fi
	bench_row "python3 json.load + dumps" "$json_in" \
	    "python3 -c 'import json,sys
w = sys.stdout.write
for r in json.load(sys.stdin):
    w(json.dumps(r, ensure_ascii=False, separators=(\",\", \":\")) + \"\\n\")'"
	# The same records as NDJSON (made once, cached): the values path.
	json_nd=$BENCH_DIR/customers_subscriptions.ndjson
	[ -s "$json_nd" ] ||
	    "$TOOLDIR/json2ndjson" "$json_in" >"$json_nd"
	bench_row "json2ndjson (NDJSON)" "$json_nd" "$TOOLDIR/json2ndjson"
else
	bench_note "json: no $json_in"
fi
