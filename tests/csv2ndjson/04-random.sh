# csv2ndjson: random CSV (quotes, CRLF, embedded breaks, blank lines, BOM,
# records across read blocks) gives the generator's records and lines
. "$TOP/tests/lib.sh"
g=$TOP/tests/csv2ndjson/gen.py
c=$TOP/tests/csv2ndjson/ndjcmp.py
for seed in 1 2 3; do
	$PY "$g" "$seed" "$T/r$seed.csv" "$T/r$seed.json"
	run 0 $CSV2NDJSON --source src "$T/r$seed.csv"
	empty "$T/err"
	$PY "$c" "$T/out" "$T/r$seed.json" || fail "seed $seed"
	# Standard input, read as it comes through a pipe.
	cat "$T/r$seed.csv" | $CSV2NDJSON --source src >"$T/out" ||
	    fail "seed $seed on stdin"
	$PY "$g" "$seed" "$T/again.csv" "$T/stdin.json" "<stdin>"
	same "$T/r$seed.csv" "$T/again.csv"
	$PY "$c" "$T/out" "$T/stdin.json" || fail "seed $seed on stdin"
done
