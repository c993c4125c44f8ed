# xml2ndjson: deep nesting, invalid UTF-8, truncation: clean errors, prefixes
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
A=$CONF/xml-attacks
[ -d "$A" ] || skip "no xml-attacks suite"
# Peak memory when GNU time is there (a bound, not a timing).
MEM=
[ -x /usr/bin/time ] && MEM="/usr/bin/time -f %M -o $T/rss"
# check NAME ERR_REGEX: exit 1, stderr matches, stdout a line prefix of
# NAME.prefix.ndjson (here: all of it, since records stream out).
check() {
	set +e
	timeout 20 $MEM \
	    $XML2NDJSON -r Customers/Customer "$A/$1.xml" >"$T/out" 2>"$T/err"
	st=$?
	set -e
	[ "$st" -eq 1 ] || fail "$1: exit $st, want 1: $(cat "$T/err")"
	err1 "$2"
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "$1: more than one message: $(cat "$T/err")"
	n=$(wc -l <"$T/out")
	head -n "$n" "$A/$1.prefix.ndjson" >"$T/prefix"
	same "$T/out" "$T/prefix"
	# Our records stream out before the fault, so all of them are there.
	same "$T/out" "$A/$1.prefix.ndjson"
	rss=$(tail -n 1 "$T/rss" 2>/dev/null || echo 0)
	[ "$rss" -lt 102400 ] || fail "$1: peak RSS $rss KB"
}
check deep-nesting '^xml2ndjson: .*/deep-nesting\.xml:11:[0-9]+: depth limit exceeded$'
check invalid-utf8 '^xml2ndjson: .*/invalid-utf8\.xml:10:18: input is not proper UTF-8'
check truncated '^xml2ndjson: .*/truncated\.xml:35:[0-9]+: premature end of input in element Street$'
# The deep record with a larger limit still fails (10000 < 200002).
run 1 $XML2NDJSON -d 10000 -r Customers/Customer "$A/deep-nesting.xml"
err1 'deep-nesting\.xml:11:[0-9]+: depth limit exceeded'
same "$T/out" "$A/deep-nesting.prefix.ndjson"
