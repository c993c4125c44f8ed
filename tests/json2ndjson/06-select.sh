# json2ndjson -e: a jq program picks the records
. "$TOP/tests/lib.sh"
cat >"$T/doc.json" <<'IN'
{"data": {"customers": [
  {"first_name": "Ann", "n": 1},
  {"first_name": "Bob", "n": 2, "tags": ["x"]}
], "count": 2}}
IN
run 0 $JSON2NDJSON -e '.data.customers[]' "$T/doc.json"
printf '{"first_name":"Ann","n":1}\n{"first_name":"Bob","n":2,"tags":["x"]}\n' >"$T/want"
same "$T/out" "$T/want"
empty "$T/err"
run 0 $JSON2NDJSON --select '.data.customers[] | {name: .first_name}' "$T/doc.json"
printf '{"name":"Ann"}\n{"name":"Bob"}\n' >"$T/want"
same "$T/out" "$T/want"
# The program runs on each value of an NDJSON input (and on an array
# as a whole, not per element).
printf '{"a":1}\n{"a":2}\n' >"$T/nd.json"
run 0 $JSON2NDJSON -e '{b: (.a * 10)}' "$T/nd.json"
printf '{"b":10}\n{"b":20}\n' >"$T/want"
same "$T/out" "$T/want"
printf '[{"a":1},{"a":2}]' >"$T/arr.json"
run 0 $JSON2NDJSON -e '{n: length}' "$T/arr.json"
printf '{"n":2}\n' >"$T/want"
same "$T/out" "$T/want"
# Outputs that are not objects: errors, or through with --any, or rejected.
run 1 $JSON2NDJSON -e '.data.count, .data.customers[0]' "$T/doc.json"
printf '{"first_name":"Ann","n":1}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/doc.json:1:1: value is a number, not an object\$"
run 0 $JSON2NDJSON --any -e '.data.customers[].first_name' "$T/doc.json"
printf '"Ann"\n"Bob"\n' >"$T/want"
same "$T/out" "$T/want"
run 0 $JSON2NDJSON --rejects "$T/rej" -e '.data.count' "$T/doc.json"
empty "$T/out"
has "$T/rej" '"record":"2"'
# A program that does not compile is a usage error: exit 2, empty stdout.
run 2 $JSON2NDJSON -e '.data[' "$T/doc.json"
empty "$T/out"
has "$T/err" '^json2ndjson: invalid jq program: \.data\[$'
# A runtime error: reported, exit 1, and the next input value still runs.
printf '{"a":[1]}\n{"a":5}\n{"a":[2]}\n' >"$T/rt.json"
run 1 $JSON2NDJSON -e '.a[] | {v: .}' "$T/rt.json"
printf '{"v":1}\n{"v":2}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/rt.json: jq error: Cannot iterate over number \\(5\\)\$"
# Invalid JSON is still reported at line:col.
printf '{"a":1}\n{"a":\n  [1 2]}\n' >"$T/bad.json"
run 1 $JSON2NDJSON -e '.' "$T/bad.json"
printf '{"a":1}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/bad.json:3:6: expected ',' or ']' in array\$"
# halt_error stops everything, with jq's message and a failure status.
run 1 $JSON2NDJSON -e 'if .a == 2 then "stop\n" | halt_error else . end' "$T/nd.json" "$T/nd.json"
printf '{"a":1}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/nd.json: jq error: stop\$"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "one line wanted: $(cat "$T/err")"
# libjq parses no deeper than 256 levels (json2ndjson itself 1024): the
# value is reported at its start and the next one still runs.
$PY -c 'print("[" * 300 + "]" * 300); print("{\"ok\":1}")' >"$T/deep.json"
run 1 $JSON2NDJSON -e . "$T/deep.json"
printf '{"ok":1}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/deep.json:1:1: jq: Exceeds depth limit for parsing\$"
