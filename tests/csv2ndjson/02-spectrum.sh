# csv2ndjson: every csv-spectrum case gives exactly its expected JSON
. "$TOP/tests/lib.sh"
dir=$CONF/csv-spectrum
[ -d "$dir/csvs" ] || skip "no $dir"
n=0 args=
for csv in "$dir"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	run 0 $CSV2NDJSON "$csv"
	empty "$T/err"
	mv "$T/out" "$T/$name.out"
	args="$args $T/$name.out $dir/json/$name.json"
	n=$((n + 1))
done
[ "$n" -eq 11 ] || fail "ran $n cases, want 11"
# The same through standard input, all at once.
for csv in "$dir"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	run 0 $CSV2NDJSON <"$csv"
	mv "$T/out" "$T/$name.in"
	args="$args $T/$name.in $dir/json/$name.json"
done
$PY "$TOP/tests/csv2ndjson/ndjcmp.py" $args
