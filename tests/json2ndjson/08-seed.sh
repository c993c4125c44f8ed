# json2ndjson: the marketing seed export equals python3's json.load, element by element
. "$TOP/tests/lib.sh"
in=$SEED/customers_subscriptions.json
[ -f "$in" ] || skip "no $in"
run 0 $JSON2NDJSON "$in"
empty "$T/err"
[ "$(wc -l <"$T/out")" -eq 1000 ] || fail "1000 lines wanted"
$PY - "$in" "$T/out" <<'PY'
import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], encoding="utf-8") as f:
    lines = f.read().split("\n")
assert lines[-1] == "" and len(lines) - 1 == len(want)
for i, (line, w) in enumerate(zip(lines, want)):
    got = json.loads(line)
    assert got == w, (i, got, w)
    # Same keys in the same order, and compact.
    assert list(got) == list(w), i
    assert line == json.dumps(w, ensure_ascii=False, separators=(",", ":")), i
PY
# The same through -e and a jq program.
run 0 $JSON2NDJSON -e '.[]' "$in"
cp "$T/out" "$T/viajq"
run 0 $JSON2NDJSON "$in"
same "$T/viajq" "$T/out"
