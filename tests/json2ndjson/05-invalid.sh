# json2ndjson: invalid JSON is reported at line:col; stdout keeps only valid lines
. "$TOP/tests/lib.sh"
# check FILE LINE:COL MESSAGE WANT_STDOUT: exit 1, one diagnostic, exact output
check() {
	run 1 $JSON2NDJSON "$T/$1"
	printf "$4" >"$T/want"
	same "$T/out" "$T/want"
	has "$T/err" "^json2ndjson: $T/$1:$2: $3\$"
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "one diagnostic wanted: $(cat "$T/err")"
}
# Array mode: a fault inside an element that spans lines.
printf '[\n  {"a": 1},\n  {"b":\n    [1, 2\n     3]}\n]\n' >"$T/a1"
check a1 5:6 "expected ',' or ']' in array" '{"a":1}\n'
printf '[{"a": 1}, {"b": tru}]' >"$T/a2"
check a2 1:18 'invalid literal' '{"a":1}\n'
printf '[{"a": 1} {"b": 2}]' >"$T/a3"
check a3 1:11 "expected ',' or ']' in array" '{"a":1}\n'
printf '[{"a": 1},]' >"$T/a4"
check a4 1:11 'unexpected character' '{"a":1}\n'
printf '[{"a": "x\ty"}]' >"$T/a5"
check a5 1:10 'control character in string' ''
printf '[{"a": 1}, {"b": 2}' >"$T/a6"
check a6 1:20 'unexpected end of input in array' '{"a":1}\n{"b":2}\n'
printf '[{"a": 1}, {"b": \n' >"$T/a7"
check a7 2:1 'unexpected end of input' '{"a":1}\n'
printf '[{"a": 1}, {"b": 12x}]' >"$T/a8"
check a8 1:20 "expected ',' or '}' in object" '{"a":1}\n'
printf '[{"\377": 1}]' >"$T/a9"
check a9 1:4 'invalid UTF-8 in string' ''
# Trailing garbage after the array, on the same line or later.
printf '[][]' >"$T/t1"
check t1 1:3 'trailing characters after the array' ''
printf '[{"a":1}]\n\n  x\n' >"$T/t2"
check t2 3:3 'trailing characters after the array' '{"a":1}\n'
# Values mode (NDJSON): faults in a later value and in one spanning lines.
printf '{"a":1}\n{"b":2,}\n{"c":3}\n' >"$T/v1"
check v1 2:8 'expected a string key' '{"a":1}\n'
printf '{"a":1}\n{"b":\n  [1,\n   2 3]}\n' >"$T/v2"
check v2 4:6 "expected ',' or ']' in array" '{"a":1}\n'
printf '{"a":1} x\n' >"$T/v3"
check v3 1:9 'trailing characters after value' '{"a":1}\n'
printf '{"a":1} {"b":2}\n' >"$T/v4"
check v4 1:9 'trailing characters after value' '{"a":1}\n'
printf '{"a":1}\n{"b":2' >"$T/v5"
check v5 2:7 'unexpected end of input' '{"a":1}\n'
printf '{"a":1}\n{"b":1.}\n' >"$T/v6"
check v6 2:8 'invalid number' '{"a":1}\n'
printf '{"a":1}\n]\n' >"$T/v7"
check v7 2:1 'unexpected character' '{"a":1}\n'
# Nesting beyond the limit is an error, not a crash.
$PY -c 'print("[" * 5000 + "]" * 5000)' >"$T/deep"
run 1 $JSON2NDJSON --any "$T/deep"
empty "$T/out"
has "$T/err" "^json2ndjson: $T/deep:1:[0-9]+: nesting too deep\$"
# A fault in the first file does not stop the second.
run 1 $JSON2NDJSON "$T/a3" "$T/v1"
printf '{"a":1}\n{"a":1}\n' >"$T/want"
same "$T/out" "$T/want"
