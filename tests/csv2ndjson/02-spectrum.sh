# csv2ndjson: every csv-spectrum case gives exactly its expected JSON
. "$TOP/tests/lib.sh"
dir=$CONF/csv-spectrum
[ -d "$dir/csvs" ] || skip "no $dir"
n=0
for csv in "$dir"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	run 0 $CSV2NDJSON "$csv"
	empty "$T/err"
	$PY "$TOP/tests/csv2ndjson/ndjcmp.py" "$T/out" "$dir/json/$name.json" ||
	    fail "csv-spectrum case $name"
	n=$((n + 1))
done
[ "$n" -eq 11 ] || fail "ran $n cases, want 11"
# The same through standard input, all at once.
for csv in "$dir"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	run 0 $CSV2NDJSON <"$csv"
	$PY "$TOP/tests/csv2ndjson/ndjcmp.py" "$T/out" "$dir/json/$name.json" ||
	    fail "csv-spectrum case $name on stdin"
done
