# xml2ndjson: billion laughs and quadratic blow-up are refused, bounded
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
A=$CONF/xml-attacks
[ -d "$A" ] || skip "no xml-attacks suite"
# Peak memory when GNU time is there (a bound, not a timing).
MEM=
[ -x /usr/bin/time ] && MEM="/usr/bin/time -f %M -o $T/rss"
for f in billion-laughs quadratic-blowup; do
	set +e
	timeout 20 $MEM \
	    $XML2NDJSON -r Customers/Customer "$A/$f.xml" >"$T/out" 2>"$T/err"
	st=$?
	set -e
	[ "$st" -eq 1 ] || fail "$f: exit $st, want 1: $(cat "$T/err")"
	err1 "^xml2ndjson: .*/$f\\.xml:3:[0-9]+: entity declarations are not supported$"
	# No record at all: the Customer comes after the DTD.
	empty "$T/out"
	hasnt "$T/err" 'lol(lol)+|aaaa'
	rss=$(tail -n 1 "$T/rss" 2>/dev/null || echo 0)
	[ "$rss" -lt 102400 ] || fail "$f: peak RSS $rss KB"
done
