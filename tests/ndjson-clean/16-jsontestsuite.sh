# ndjson-clean: every JSONTestSuite case: valid objects are cleaned into valid JSON, everything else is rejected with file:line:col
. "$TOP/tests/lib.sh"
dir=$CONF/JSONTestSuite/test_parsing
[ -d "$dir" ] || skip "no JSONTestSuite"
# One NDJSON file of the single-line cases, and their expected fate, made
# with python3's json module as the independent judge.
$PY - "$dir" "$T/in" "$T/fate" <<'PY'
import json, os, sys
d, out, fate = sys.argv[1:]
with open(out, "wb") as f, open(fate, "w") as g:
    for name in sorted(os.listdir(d)):
        data = open(os.path.join(d, name), "rb").read()
        body = data[:-1] if data.endswith(b"\n") else data
        if b"\n" in body or b"\r" in body or not body.strip(b" \t"):
            continue            # not one NDJSON line
        if name.startswith("y_"):
            dup = []
            def pairs(kv):
                keys = [k for k, _ in kv]
                if len(set(keys)) != len(keys):
                    dup.append(1)
                return dict(kv)
            v = json.loads(body, object_pairs_hook=pairs)
            kind = "other" if not isinstance(v, dict) else \
                "duplicate" if dup else "object"
        elif name.startswith("n_"):
            kind = "invalid"
        else:
            kind = "either"     # implementation-defined
        f.write(body + b"\n")
        g.write(kind + " " + name + "\n")
PY
n=$(wc -l <"$T/fate")
[ "$n" -gt 250 ] || fail "only $n cases"
# with --rejects nothing is fatal: exit 0
run 0 $NDJSON_CLEAN --rejects "$T/rej" "$T/in"
$PY - "$T/fate" "$T/out" "$T/rej" <<'PY'
import json, re, sys
fate = [l.split() for l in open(sys.argv[1])]
out = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
rej = {json.loads(l)["line"]: json.loads(l) for l in open(sys.argv[3])}
written = 0
for i, (kind, name) in enumerate(fate, 1):
    if kind == "object":
        assert i not in rej, (name, rej.get(i))
        written += 1
    elif kind in ("invalid", "other"):
        assert i in rej, name
        if kind == "other":
            assert rej[i]["error"].startswith("not a JSON object"), name
    elif kind == "duplicate":
        assert "both become" in rej[i]["error"], name
assert len(out) + len(rej) == len(fate)
assert len(out) >= written
for r in out:
    for k in r:
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,299}", k), k
PY
# without --rejects: one warning per bad line; JSON errors with a column
run 1 $NDJSON_CLEAN "$T/in"
bad=$(wc -l <"$T/rej")
dups=$(grep -c 'both become' "$T/rej" || true)
[ "$(wc -l <"$T/err")" -eq "$bad" ] || fail "want $bad warnings"
[ "$(grep -c "^ndjson-clean: $T/in:[0-9]*:[0-9]*: " "$T/err")" -eq \
    $((bad - dups)) ] || fail "want $((bad - dups)) warnings with line:col"
