# bench-10-csv.sh: csv2ndjson against Miller and Python's csv module on the
# generated customers.csv (sourced by scripts/bench; see bench-lib.sh).
csv=$BENCH_DIR/customers.csv
bench_row "csv2ndjson" "$csv" "\"$TOOLDIR/csv2ndjson\""
bench_row "csv2ndjson --source src" "$csv" \
    "\"$TOOLDIR/csv2ndjson\" --source src"
if command -v mlr >/dev/null 2>&1; then
	bench_row "mlr --icsv --ojsonl cat" "$csv" "mlr --icsv --ojsonl cat"
else
	bench_note "mlr --icsv --ojsonl cat: miller not installed"
fi
bench_row "python3 csv.DictReader + json.dumps" "$csv" "python3 -c '
import csv, io, json, sys
out = io.TextIOWrapper(sys.stdout.buffer, encoding=\"utf-8\")
inp = io.TextIOWrapper(sys.stdin.buffer, encoding=\"utf-8\", newline=\"\")
for row in csv.DictReader(inp):
    out.write(json.dumps(row, ensure_ascii=False, separators=(\",\", \":\")))
    out.write(\"\\n\")
'"
