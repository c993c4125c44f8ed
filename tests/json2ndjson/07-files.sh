# json2ndjson: several files, missing file, full disk, -u, --max-record
. "$TOP/tests/lib.sh"
printf '[{"a":1}]' >"$T/f1"
printf '{"b":2}\n' >"$T/f2"
# Files concatenate, each detected on its own; "-" is stdin.
run 0 sh -c "printf '[{\"c\":3}]' | $JSON2NDJSON '$T/f1' - '$T/f2'"
printf '{"a":1}\n{"c":3}\n{"b":2}\n' >"$T/want"
same "$T/out" "$T/want"
# A missing file: warned about, the others still done, exit 1.
run 1 $JSON2NDJSON "$T/f1" "$T/missing" "$T/f2"
printf '{"a":1}\n{"b":2}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/missing: cannot open: "
# A directory cannot be read.
run 1 $JSON2NDJSON "$T"
has "$T/err" "^json2ndjson: $T: read error"
# Output that cannot be written is a failure.
if [ -w /dev/full ]; then
	set +e
	$JSON2NDJSON "$T/f1" >/dev/full 2>"$T/err"
	st=$?
	set -e
	[ "$st" -eq 1 ] || fail "exit $st writing to /dev/full"
	has "$T/err" '^json2ndjson: <stdout>: write error'
	set +e
	$JSON2NDJSON -u -e . "$T/f2" >/dev/full 2>"$T/err"
	st=$?
	set -e
	[ "$st" -eq 1 ] || fail "exit $st writing to /dev/full with -u"
fi
# -u: each line is flushed as it is written: the first record arrives
# while the input is still open (the writer waits until it has been seen,
# or 20 s have passed).
mkfifo "$T/fifo"
( printf '{"a":1}\n'
  while [ ! -f "$T/seen" ]; do sleep 0.1; done
  printf '{"a":2}\n' ) >"$T/fifo" &
$JSON2NDJSON -u <"$T/fifo" >"$T/uout" &
pid=$!
i=0
while [ ! -s "$T/uout" ] && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
cp "$T/uout" "$T/ufirst"
touch "$T/seen"
wait $pid
printf '{"a":1}\n' >"$T/want"
same "$T/ufirst" "$T/want"
printf '{"a":1}\n{"a":2}\n' >"$T/want"
same "$T/uout" "$T/want"
# Without -u the first line waits for the end of input.
rm -f "$T/seen" "$T/fifo"
mkfifo "$T/fifo"
( printf '{"a":1}\n'
  while [ ! -f "$T/seen" ]; do sleep 0.1; done
  printf '{"a":2}\n' ) >"$T/fifo" &
$JSON2NDJSON <"$T/fifo" >"$T/bout" &
pid=$!
sleep 0.5
cp "$T/bout" "$T/bfirst"
touch "$T/seen"
wait $pid
empty "$T/bfirst"
same "$T/bout" "$T/want"
# --max-record: a value over the cap stops that input at its start.
$PY -c 'import json; print(json.dumps([{"a": 1}, {"b": "x" * 3000}, {"c": 3}], indent=1))' >"$T/big"
run 1 $JSON2NDJSON --max-record 1K "$T/big" "$T/f2"
printf '{"a":1}\n{"b":2}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/big:5:2: value longer than 1024 bytes \\(see --max-record\\)\$"
run 0 $JSON2NDJSON --max-record 4K "$T/big"
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "3 records wanted"
# The same for a value gathered over several read blocks.
$PY -c 'import json; print(json.dumps([{"a": 1}, {"b": "x" * 600000}]))' >"$T/big2"
run 1 $JSON2NDJSON --max-record 300K "$T/big2"
printf '{"a":1}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/big2:1:12: value longer than 307200 bytes"
run 0 $JSON2NDJSON --max-record 1M "$T/big2"
[ "$(wc -l <"$T/out")" -eq 2 ] || fail "2 records wanted"
# With -e the whole document is one value, under the same cap.
run 1 $JSON2NDJSON -e '.[]' --max-record 300K "$T/big2"
empty "$T/out"
has "$T/err" "^json2ndjson: $T/big2:1:1: value longer than 307200 bytes"
run 0 $JSON2NDJSON -e '.[]' "$T/big2"
[ "$(wc -l <"$T/out")" -eq 2 ] || fail "2 records wanted"
