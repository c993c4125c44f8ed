# csv2ndjson: random CSV (quotes, CRLF, embedded breaks, blank lines, BOM,
# records across read blocks) gives the generator's records and lines
. "$TOP/tests/lib.sh"
cd "$T"
g=$TOP/tests/csv2ndjson/gen.py
args=
for seed in 1 2 3; do
	$PY "$g" "$seed" r$seed.csv r$seed.json
	run 0 $CSV2NDJSON --source src r$seed.csv
	empty err
	mv out out$seed
	# Standard input, read as it comes through a pipe.
	cat r$seed.csv | $CSV2NDJSON --source src >in$seed ||
	    fail "seed $seed on stdin"
	args="$args --src r$seed.csv out$seed r$seed.json"
	args="$args --src <stdin> in$seed r$seed.json"
done
$PY "$TOP/tests/csv2ndjson/ndjcmp.py" $args
