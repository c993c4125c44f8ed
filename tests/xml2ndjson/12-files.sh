# xml2ndjson: several files, missing files, stdin, /dev/full, -u
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
printf '<r><c>1</c></r>' >"$T/a.xml"
printf '<r><c>2</c><c>3</c></r>\n' >"$T/b.xml"
printf '<r><c>4</c><c>5</c' >"$T/cut.xml"
printf '{"#text":"1"}\n{"#text":"2"}\n{"#text":"3"}\n' >"$T/want"
run 0 $XML2NDJSON -r c "$T/a.xml" "$T/b.xml"
same "$T/out" "$T/want"
# A missing file is reported; the others are still converted.
run 1 $XML2NDJSON -r c "$T/a.xml" "$T/missing.xml" "$T/b.xml"
same "$T/out" "$T/want"
err1 '^xml2ndjson: .*/missing\.xml: .*No such file or directory$'
# So is a broken one: its complete records stay, the next file goes on.
run 1 $XML2NDJSON -r c "$T/a.xml" "$T/cut.xml" "$T/b.xml"
printf '{"#text":"1"}\n{"#text":"4"}\n{"#text":"2"}\n{"#text":"3"}\n' >"$T/want2"
same "$T/out" "$T/want2"
has "$T/err" '^xml2ndjson: .*/cut\.xml:1:[0-9]+: '
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "one message per broken file"
# Standard input in the middle, as "-".
run 0 $XML2NDJSON -r c "$T/a.xml" - <"$T/b.xml"
same "$T/out" "$T/want"
run 1 $XML2NDJSON -r c - <"$T/cut.xml"
err1 '^xml2ndjson: <stdin>:1:[0-9]+: '
# A directory is a read error.
run 1 $XML2NDJSON -r c "$T"
# A full disk is an error.
if [ -w /dev/full ]; then
	set +e
	$XML2NDJSON -r Customers/Customer "$SEED/customers_billing.xml" \
	    >/dev/full 2>"$T/err"
	st=$?
	set -e
	[ "$st" -eq 1 ] || fail "/dev/full: exit $st"
	err1 'write error'
fi
# --unbuffered: each record is written as it ends (same bytes).
run 0 $XML2NDJSON -u -r c "$T/a.xml" "$T/b.xml"
same "$T/out" "$T/want"
# The rest of the document is held back until the first record is out.
mkfifo "$T/fifo"
$XML2NDJSON -u -r c "$T/fifo" >"$T/live" 2>&1 &
pid=$!
{
	printf '<r><c>1</c>'
	i=0
	while [ ! -s "$T/live" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -s "$T/live" ] && : >"$T/seen"
	printf '<c>2</c></r>'
} >"$T/fifo"
wait $pid || fail "-u: exit status"
[ -f "$T/seen" ] || fail "-u: nothing written before the document ended"
printf '{"#text":"1"}\n{"#text":"2"}\n' >"$T/want"
same "$T/live" "$T/want"
