# json2ndjson: elements that are not objects: errors, --any, --rejects
. "$TOP/tests/lib.sh"
printf '[{"a":1},\n 2, "s",\n  [3], {"b":2}, null, true]\n' >"$T/in.json"
# Default: each one is reported with its position, skipped, exit 1.
run 1 $JSON2NDJSON "$T/in.json"
printf '{"a":1}\n{"b":2}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/in.json:2:2: value is a number, not an object\$"
has "$T/err" "^json2ndjson: $T/in.json:2:5: value is a string, not an object\$"
has "$T/err" "^json2ndjson: $T/in.json:3:3: value is an array, not an object\$"
has "$T/err" "^json2ndjson: $T/in.json:3:17: value is null, not an object\$"
has "$T/err" "^json2ndjson: $T/in.json:3:23: value is a boolean, not an object\$"
[ "$(wc -l <"$T/err")" -eq 5 ] || fail "want 5 warnings: $(cat "$T/err")"
# --any lets everything through, in order.
run 0 $JSON2NDJSON --any "$T/in.json"
printf '{"a":1}\n2\n"s"\n[3]\n{"b":2}\nnull\ntrue\n' >"$T/want"
same "$T/out" "$T/want"
empty "$T/err"
# --rejects: they go to the file instead, and the exit status stays 0.
run 0 $JSON2NDJSON --rejects "$T/rej" "$T/in.json"
printf '{"a":1}\n{"b":2}\n' >"$T/want"
same "$T/out" "$T/want"
empty "$T/err"
$PY - "$T/rej" "$T/in.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
want = [(2, "2", "number"), (2, '"s"', "string"), (3, "[3]", "array"),
        (3, "null", "null"), (3, "true", "boolean")]
assert len(rows) == len(want), rows
for r, (line, rec, what) in zip(rows, want):
    assert r["file"] == sys.argv[2], r
    assert r["line"] == line, r
    assert r["record"] == rec, r
    assert what in r["error"] and "not an object" in r["error"], r
PY
# In values mode too: NDJSON lines that are not objects.
printf '{"a":1}\n[1,\n2]\n"x"\n' >"$T/nd.json"
run 1 $JSON2NDJSON "$T/nd.json"
printf '{"a":1}\n' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" "^json2ndjson: $T/nd.json:2:1: value is an array, not an object\$"
has "$T/err" "^json2ndjson: $T/nd.json:4:1: value is a string, not an object\$"
run 0 $JSON2NDJSON --rejects "$T/rej2" "$T/nd.json"
same "$T/out" "$T/want"
$PY -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert [(x["line"], x["record"]) for x in r] == [(2, "[1,\n2]"), (4, "\"x\"")], r' "$T/rej2"
