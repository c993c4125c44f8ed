# bench-31-pipeline.sh: the whole pipeline (scripts/etl.sh into SQLite) on the
# generated customers: wall, CPU and peak RSS, next to the Python standard
# library peer (scripts/bench-peer-pipeline.py).  Sourced by scripts/bench.
# The MB column is the three exports together.  etl.sh into a new
# database, then replacing the table (what a rerun does); the memory of the
# whole process tree is measured in a run of its own (scripts/bench-rss
# samples /proc, which costs CPU the timed runs must not share).
P=$BENCH_DIR/pipe
mkdir -p "$P"
cat "$BENCH_DIR/customers.csv" "$BENCH_DIR/customers_subscriptions.json" \
    "$BENCH_DIR/customers_billing.xml" >"$P/inputs"
# pipe_row LABEL CMD: the command (a shell string), best of bench_time's
# runs: wall, user+sys CPU, peak RSS of the largest process.
pipe_row() {
	bench_warm "$BENCH_DIR"/customers*
	if ! bench_time "$P/.time" /dev/null sh -c "$2" >/dev/null \
	    2>"$P/.err"; then
		echo "| $1 | failed: $(head -c 200 "$P/.err" | tr '\n|' '  ') | | | |"
		return 0
	fi
	awk -v l="$1" -v b="$(wc -c <"$P/inputs")" '
	    { printf "| %s | %.1f | %.2f | %.1f | %.1f (CPU %.2f s) |\n",
	          l, b / 1e6, $1, b / 1e6 / ($1 < 0.001 ? 0.001 : $1),
	          $4 / 1024, $2 + $3 }' "$P/.time"
}
etl="sh '$TOP/scripts/etl.sh' --bin '$TOOLDIR' --data '$BENCH_DIR' --out '$P/out' --quiet"
pipe_row "etl.sh whole pipeline -> SQLite, new database" "rm -rf '$P/out'; $etl"
pipe_row "etl.sh whole pipeline -> SQLite, replacing the table" "$etl"
bench_warm "$BENCH_DIR"/customers*
if sh -c "python3 '$TOP/scripts/bench-rss' '$P/.rss' $etl" 2>/dev/null; then
	bench_note "$(awk '{ printf "etl.sh memory, all its processes (separate run): at most %.0f MB at once (sampled every 20 ms), %.0f MB if every process peaked together", $1 / 1024, $2 / 1024 }' "$P/.rss")"
fi
pipe_row "python3 stdlib pipeline -> SQLite" \
    "python3 '$TOP/scripts/bench-peer-pipeline.py' '$BENCH_DIR' '$P/peer.db'"
rm -f "$P/inputs"
