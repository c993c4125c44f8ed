# csv2ndjson: random malformed input never crashes; every output line and
# every reject is valid JSON, in file and line order
. "$TOP/tests/lib.sh"
cd "$T"
$PY - <<'PY'
import random
rnd = random.Random(7)
alpha = [b'"', b'"', b",", b"\n", b"\r\n", b"\r", b"a", b"bc", b"\xff",
         b"\xc3\xa9", b" ", b'""', b"\x00"]
for i in range(300):
    with open("g%03d.csv" % i, "wb") as f:
        if i % 7 == 0:
            f.write(b"\xef\xbb\xbf")
        f.write(b"a,b,c\n")
        f.write(b"".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 300))))
PY
set +e
$CSV2NDJSON --source src --rejects rej --ragged pad g*.csv >out 2>err
st=$?
$CSV2NDJSON --no-header g*.csv >out2 2>err2
st2=$?
set -e
[ "$st" -eq 0 ] || fail "with --rejects: exit $st: $(head -c 300 err)"
[ "$st2" -eq 1 ] || fail "without --rejects: exit $st2"
has err2 '^csv2ndjson: g[0-9]*\.csv:[0-9]+: '
$PY - out rej <<'PY'
import json, sys
pos = {}
def order(name, line, what):
    last = pos.get(name, 0)
    assert line >= last, (what, name, line, last)
    pos[name] = line
recs = []
for l in open(sys.argv[1], "rb"):
    o = json.loads(l.decode("utf-8"))
    name, line = o["src"].rsplit(":", 1)
    recs.append((name, int(line)))
rejs = [json.loads(l.decode("utf-8")) for l in open(sys.argv[2], "rb")]
for name, line in recs:
    order(name, line, "record")
pos = {}
for r in rejs:
    order(r["file"], r["line"], "reject")
    assert r["error"] and isinstance(r["record"], str)
assert len(recs) > 300 and len(rejs) > 100, (len(recs), len(rejs))
PY
