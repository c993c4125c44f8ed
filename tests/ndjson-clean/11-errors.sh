# ndjson-clean: invalid JSON (line:col), non-objects, missing files, full disk, stdin
. "$TOP/tests/lib.sh"
printf '%s\n' '{"a":1}' '{"a":}' '' '   ' '"str"' '{"b":2} x' '  [1]' '{"c":"\x"}' '{"d":3}' >"$T/in"
printf '{"e":"\377"}\n' >>"$T/in"
run 1 $NDJSON_CLEAN "$T/in"
printf '%s\n' '{"a":1}' '{"d":3}' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^ndjson-clean: $T/in:2:6: "
has "$T/err" "^ndjson-clean: $T/in:5:1: not a JSON object$"
has "$T/err" "^ndjson-clean: $T/in:6:9: "
has "$T/err" "^ndjson-clean: $T/in:7:3: not a JSON object$"
has "$T/err" "^ndjson-clean: $T/in:8:7: "
has "$T/err" "^ndjson-clean: $T/in:10:7: "
[ "$(wc -l <"$T/err")" -eq 6 ] || fail "want 6 warnings: $(cat "$T/err")"
# the same with --rejects: rejects file, exit 0, columns in the error text
run 0 $NDJSON_CLEAN --rejects "$T/rej" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
$PY - "$T/rej" <<'PY'
import json, sys
rej = [json.loads(l) for l in open(sys.argv[1])]
assert [r["line"] for r in rej] == [2, 5, 6, 7, 8, 10], rej
assert rej[0]["record"] == '{"a":}'
assert rej[1]["error"] == "not a JSON object (column 1)", rej[1]
assert "(column 6)" in rej[0]["error"], rej[0]
assert rej[5]["record"] == '{"e":"\ufffd"}', rej[5]
PY
# a missing file: warn, go on with the others, exit 1
echo '{"x":1}' >"$T/ok"
run 1 $NDJSON_CLEAN "$T/ok" "$T/missing" "$T/ok"
printf '%s\n' '{"x":1}' '{"x":1}' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^ndjson-clean: $T/missing: "
# stdin by default and as "-", named <stdin>
run 0 $NDJSON_CLEAN <"$T/ok"
printf '%s\n' '{"x":1}' >"$T/want"
same "$T/out" "$T/want"
printf '{"x":1}\n{' | $NDJSON_CLEAN - "$T/ok" >"$T/out" 2>"$T/err" && fail "want exit 1"
printf '%s\n' '{"x":1}' '{"x":1}' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" '^ndjson-clean: <stdin>:2:2: '
# last line without newline, CRLF line ends
printf '{"a":1}\r\n{"b":2}' >"$T/crlf"
run 0 $NDJSON_CLEAN "$T/crlf"
printf '%s\n' '{"a":1}' '{"b":2}' >"$T/want"
same "$T/out" "$T/want"
# a full disk is an error
if [ -w /dev/full ]; then
	run 1 sh -c "$NDJSON_CLEAN '$T/ok' >/dev/full"
	has "$T/err" "write error"
fi
# -u flushes each record (output is the same)
printf '%s\n' '{"x":1}' '{"x":1}' >"$T/want"
run 0 $NDJSON_CLEAN -u "$T/ok" "$T/ok"
same "$T/out" "$T/want"
run 0 $NDJSON_CLEAN --unbuffered "$T/ok" "$T/ok"
same "$T/out" "$T/want"
