# csv2ndjson: a bad header row (duplicate, empty, invalid UTF-8, clash
# with --source, bad quoting) skips that file with exit 1; others go on
. "$TOP/tests/lib.sh"
cd "$T"
printf 'x,y\n1,2\n' >good.csv
check() {	# file message
	run 1 $CSV2NDJSON "$1" good.csv
	printf '{"x":"1","y":"2"}\n' >want
	same out want
	[ "$(cat err)" = "csv2ndjson: $2" ] || fail "stderr: $(cat err)"
}
printf 'a,b,a\n1,2,3\n' >dup.csv
check dup.csv 'dup.csv:1: bad header: duplicate name "a"'
printf '\n\r\na,,c\n1,2,3\n' >empty.csv
check empty.csv 'empty.csv:3: bad header: empty name in field 2'
printf 'a,b\377\n1,2\n' >utf8.csv
check utf8.csv 'utf8.csv:1: bad header: invalid UTF-8 in field 2'
printf 'a,"b\n' >open.csv
check open.csv 'open.csv:1: bad header: unterminated quoted field'
printf 'a,b"c\n1,2\n' >quote.csv
check quote.csv 'quote.csv:1: bad header: quote in unquoted field'
printf 'a,"b\nc",d\n1,2,3\n' >multi.csv
run 0 $CSV2NDJSON multi.csv
printf '{"a":"1","b\\nc":"2","d":"3"}\n' >want
same out want
printf 'a,at\n1,2\n' >clash.csv
run 1 $CSV2NDJSON --source at clash.csv
has err '^csv2ndjson: clash.csv:1: bad header: name "at" is also the --source field$'
# --rejects does not take header errors: the file itself is unusable.
run 1 $CSV2NDJSON --rejects rej dup.csv
empty out
empty rej
has err 'dup.csv:1: bad header: duplicate name'
