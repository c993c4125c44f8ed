# json2ndjson: JSONTestSuite: y_ accepted (same values as python3), n_ rejected at line:col, i_ no crash
. "$TOP/tests/lib.sh"
dir=$CONF/JSONTestSuite/test_parsing
[ -d "$dir" ] || skip "no $dir"
ny=0
for f in "$dir"/y_*.json; do
	b=$(basename "$f")
	$JSON2NDJSON --any "$f" >"$T/y_$b.out" 2>"$T/err" ||
	    fail "$b: exit $?: $(cat "$T/err")"
	empty "$T/err"
	ny=$((ny + 1))
done
[ "$ny" -eq 95 ] || fail "$ny y_ files, want 95"
# Oracle: python3's json module.  An array gives its elements, one a line;
# anything else gives itself on one line.
$PY - "$dir" "$T" <<'PY'
import glob, json, math, os, sys
d, t = sys.argv[1], sys.argv[2]
def same(a, b):
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if type(a) != type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b
for f in sorted(glob.glob(os.path.join(d, "y_*.json"))):
    b = os.path.basename(f)
    want = json.loads(open(f, "rb").read().decode("utf-8"))
    with open(os.path.join(t, "y_" + b + ".out"), "rb") as o:
        out = o.read().decode("utf-8")
    lines = out.split("\n")
    assert lines.pop() == "", b
    got = [json.loads(l) for l in lines]
    if isinstance(want, list):
        assert same(got, want), (b, got, want)
    else:
        assert len(got) == 1 and same(got[0], want), (b, got, want)
PY
# n_: rejected with a line:col diagnostic, nothing invalid on stdout,
# including the three documents that hold no value at all.
nn=0
for f in "$dir"/n_*.json; do
	b=$(basename "$f")
	set +e
	$JSON2NDJSON --any "$f" >"$T/n_$b.out" 2>"$T/err"
	st=$?
	set -e
	[ "$st" -eq 1 ] || fail "$b: exit $st, want 1: $(head -c 300 "$T/err")"
	msg=
	read -r msg <"$T/err" || true
	case $msg in
	"json2ndjson: $f:"[0-9]*:[0-9]*": "?*) ;;
	*) fail "$b: no file:line:col: diagnostic: $msg" ;;
	esac
	nn=$((nn + 1))
done
[ "$nn" -eq 188 ] || fail "$nn n_ files checked, want 188"
# Whatever came out before the fault is valid JSON, one value a line.
$PY - "$T"/n_*.out <<'PY'
import json, sys
for f in sys.argv[1:]:
    with open(f, "rb") as o:
        out = o.read().decode("utf-8")
    assert out == "" or out.endswith("\n"), f
    for line in out.splitlines():
        json.loads(line)
PY
# i_: either way, but never a crash (exit 0 or 1 only).
for f in "$dir"/i_*.json; do
	set +e
	$JSON2NDJSON --any "$f" >"$T/out" 2>"$T/err"
	st=$?
	set -e
	[ "$st" -le 1 ] || fail "$(basename "$f"): exit $st"
done
