# json2ndjson: NDJSON and concatenated values, empty input, BOM, UTF-16
. "$TOP/tests/lib.sh"
# NDJSON passes through compacted; values may span lines, blank lines and
# any whitespace may separate them, but each starts on a new line.
printf '{"a": 1}\n\n  {"b":\n   [1, 2]}\r\n{ }\n\t{"c":"x y"}' >"$T/in.json"
run 0 $JSON2NDJSON <"$T/in.json"
printf '{"a":1}\n{"b":[1,2]}\n{}\n{"c":"x y"}\n' >"$T/want"
same "$T/out" "$T/want"
empty "$T/err"
# Empty and whitespace-only inputs hold no JSON text: an error each, at the
# end of input; an empty array is the way to say "no records".
: >"$T/e1"
printf ' \n\t\r\n' >"$T/e2"
run 1 $JSON2NDJSON "$T/e1" "$T/e2" - </dev/null
empty "$T/out"
has "$T/err" "^json2ndjson: $T/e1:1:1: no JSON value in input\$"
has "$T/err" "^json2ndjson: $T/e2:3:1: no JSON value in input\$"
has "$T/err" "^json2ndjson: <stdin>:1:1: no JSON value in input\$"
# A UTF-8 byte order mark is skipped (in array and values mode); columns
# count from after it.
printf '\357\273\277[{"a":1}]' >"$T/bom1"
printf '\357\273\277{"a":2}\n{"a":3} x' >"$T/bom2"
run 1 $JSON2NDJSON "$T/bom1" "$T/bom2"
printf '{"a":1}\n{"a":2}\n{"a":3}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/bom2:2:9: trailing characters after value\$"
# A BOM alone is an empty input.
printf '\357\273\277\n' >"$T/bom3"
run 1 $JSON2NDJSON "$T/bom3"
empty "$T/out"
has "$T/err" "no JSON value in input"
# UTF-16, with or without its BOM, is turned away with a clear message.
printf '\377\376[\000{\000}\000]\000' >"$T/u16le"
printf '\000[\000{\000}\000]' >"$T/u16be"
for f in u16le u16be; do
	run 1 $JSON2NDJSON "$T/$f"
	empty "$T/out"
	has "$T/err" "^json2ndjson: $T/$f: UTF-16 or UTF-32 input is not supported"
done
