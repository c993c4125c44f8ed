# bench-20-clean.sh: ndjson-clean against the same cleaning (snake_case keys,
# trim, empty to null, UK phones to E.164) in jq, Miller and Python.
# Sourced by scripts/bench with BENCH_DIR, TOOLDIR and bench_row set.
clean_in=$BENCH_DIR/customers.ndjson
clean_small=$BENCH_DIR/customers-100k.ndjson
clean_dir=$TOP/scripts/bench-clean
if [ ! -s "$clean_in" ] && [ ! -f "$BENCH_DIR/customers.csv" ]; then
	bench_note "ndjson-clean: no $BENCH_DIR/customers.csv"
	return 0
fi
# (re)build the NDJSON when missing or older than the CSV
if [ ! -s "$clean_in" ] || [ "$BENCH_DIR/customers.csv" -nt "$clean_in" ]; then
	rm -f "$clean_small"
	if [ -x "$TOOLDIR/csv2ndjson" ]; then
		"$TOOLDIR/csv2ndjson" "$BENCH_DIR/customers.csv" >"$clean_in.tmp"
	else
		python3 -c '
import csv, json, sys
w = sys.stdout.write
for row in csv.DictReader(open(sys.argv[1], newline="")):
    w(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
' "$BENCH_DIR/customers.csv" >"$clean_in.tmp"
	fi
	mv "$clean_in.tmp" "$clean_in"
fi
[ -s "$clean_small" ] || head -n 100000 "$clean_in" >"$clean_small"

# On a shared machine wall time depends on the neighbours: also print rows
# whose seconds are CPU time (user + sys) of the same command.
clean_cpu_row() {
	label=$1 input=$2 cmd=$3
	bytes=$(wc -c <"$input")
	bench_warm "$input"
	if ! bench_time "$BENCH_DIR/.cputime" "$input" \
	    sh -c "$cmd" >/dev/null 2>"$BENCH_DIR/.err"; then
		bench_note "$label: failed"
		return 0
	fi
	awk -v l="$label" -v b="$bytes" '
	    { s = $2 + $3; if (s < 0.001) s = 0.001;
	      printf "| %s, CPU s | %.1f | %.2f | %.1f | %.1f |\n",
	          l, b / 1e6, s, b / 1e6 / s, $4 / 1024 }' "$BENCH_DIR/.cputime"
}

bench_row "ndjson-clean (keys, trim, null)" "$clean_in" \
    "'$TOOLDIR/ndjson-clean'"
bench_row "ndjson-clean --phone (snake_case, trim, null, E.164)" "$clean_in" \
    "'$TOOLDIR/ndjson-clean' --phone phone_number"
bench_row "ndjson-clean --phone --date --email" "$clean_in" \
    "'$TOOLDIR/ndjson-clean' --phone phone_number --date dob --email email"
clean_cpu_row "ndjson-clean --phone --date --email" "$clean_in" \
    "'$TOOLDIR/ndjson-clean' --phone phone_number --date dob --email email"
# The peers are 10-200 times slower: they run on the first 100k records.
if command -v jq >/dev/null 2>&1; then
	bench_row "jq (same cleaning, 100k records)" "$clean_small" \
	    "jq -c -f '$clean_dir/clean.jq'"
else
	bench_note "jq: not installed"
fi
if command -v mlr >/dev/null 2>&1; then
	bench_row "Miller (same cleaning, 100k records)" "$clean_small" \
	    "mlr --ijsonl --ojsonl put -q -f '$clean_dir/clean.mlr'"
else
	bench_note "Miller: not installed"
fi
bench_row "Python (same cleaning, stdlib, 100k records)" "$clean_small" \
    "python3 '$clean_dir/clean.py'"
