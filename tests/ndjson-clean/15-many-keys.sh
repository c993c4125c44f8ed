# ndjson-clean: past 65536 distinct names the caches stop growing and results stay right
. "$TOP/tests/lib.sh"
$PY - "$T/in" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(70000):
        f.write(json.dumps({"Key%d" % i: " v ", "Obj": {"In%d" % i: i}}) + "\n")
    # after the caps: collisions, suffixes, nesting, --phone still work
    f.write('{"NewKey":"a","new_key":"b"}\n')
    f.write('{"Phone":"0191 496 0841","Late Key":{"X":1,"x":2}}\n')
PY
run 1 $NDJSON_CLEAN --phone phone --stats "$T/stats" "$T/in"
has "$T/err" ':70001: keys "NewKey" and "new_key" both become "new_key"$'
has "$T/err" ':70002: keys "X" and "x" both become "late_key__x"$'
[ "$(wc -l <"$T/err")" -eq 2 ] || fail "want 2 warnings"
$PY - "$T/out" "$T/stats" <<'PY'
import json, sys
out = [json.loads(l) for l in open(sys.argv[1])]
assert len(out) == 70000
for i, r in enumerate(out):
    assert r == {"key%d" % i: "v", "obj__in%d" % i: i}, (i, r)
s = json.load(open(sys.argv[2]))
assert (s["records_in"], s["records_out"], s["rejected"]) == (70002, 70000, 2)
assert len(s["fields"]) <= 65536
PY
printf '%s\n' '{"Phone":"0191 496 0841","Late Key":{"X":1,"x":2}}' >"$T/late"
cat "$T/in" "$T/late" | head -n 70000 >"$T/in2"
cat "$T/late" >>"$T/in2"
run 0 $NDJSON_CLEAN --phone phone --on-collision suffix "$T/in2"
tail -n 1 "$T/out" >"$T/last"
echo '{"phone":"+441914960841","late_key__x":1,"late_key__x_2":2}' >"$T/want"
same "$T/last" "$T/want"
# one record with 70,000 keys that all become "k": suffixes past the cap,
# in linear time, and the next record starts afresh
$PY - "$T/cjk" <<'PY'
import json, sys
d = {"k" + chr(0x4e00 + i): i for i in range(20000)}
d.update({"k" + chr(0x10000 + i): 20000 + i for i in range(50000)})
with open(sys.argv[1], "w") as f:
    for _ in range(2):
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
    f.write('{"k":1,"K":2}\n')
PY
run 0 $NDJSON_CLEAN --on-collision suffix "$T/cjk"
$PY - "$T/out" <<'PY'
import json, sys
out = [json.loads(l) for l in open(sys.argv[1])]
want = ["k"] + ["k_%d" % i for i in range(2, 70001)]
for r in out[:2]:
    assert list(r) == want and list(r.values()) == list(range(70000))
assert out[2] == {"k": 1, "k_2": 2}, out[2]
PY
