# bench-31-pipeline.sh: the whole pipeline (scripts/etl.sh into SQLite) on the
# generated customers: wall, CPU and peak RSS, next to the Python standard
# library peer (scripts/bench-peer-pipeline.py).  Sourced by scripts/bench.
# The MB column is the three exports together.
P=$BENCH_DIR/pipe
mkdir -p "$P"
cat "$BENCH_DIR/customers.csv" "$BENCH_DIR/customers_subscriptions.json" \
    "$BENCH_DIR/customers_billing.xml" >"$P/inputs"
# time(1) of the whole command: wall, user+sys CPU, peak RSS of the
# largest process.
pipe_row() {
	label=$1
	shift
	if ! /usr/bin/time -f '%e %U %S %M' -o "$P/.time" "$@" \
	    >/dev/null 2>"$P/.err"; then
		echo "| $label | failed: $(head -c 200 "$P/.err" | tr '\n|' '  ') | | | |"
		return 0
	fi
	awk -v l="$label" -v b="$(wc -c <"$P/inputs")" '
	    { printf "| %s | %.1f | %.2f | %.1f | %.1f (CPU %.2f s) |\n",
	          l, b / 1e6, $1, b / 1e6 / ($1 < 0.001 ? 0.001 : $1),
	          $4 / 1024, $2 + $3 }' "$P/.time"
}
pipe_row "etl.sh whole pipeline -> SQLite" \
    sh "$TOP/scripts/etl.sh" --bin "$TOOLDIR" --data "$BENCH_DIR" \
    --out "$P/out" --quiet
pipe_row "python3 stdlib pipeline -> SQLite" \
    python3 "$TOP/scripts/bench-peer-pipeline.py" "$BENCH_DIR" "$P/peer.db"
rm -f "$P/inputs"
