# json2ndjson: values that straddle a read block boundary at every offset
. "$TOP/tests/lib.sh"
# Inputs are padded so that the block boundary (lineio's LR_BLOCK) falls at
# each byte of the interesting text; output and diagnostics must not change
# (but for the line number, one more for the padding's newline).
block=$(sed -n 's/^#define LR_BLOCK[^(]*(\([0-9]*\) \* \([0-9]*\)).*/\1 \2/p' \
    "$TOP/common/lineio.h")
[ -n "$block" ] || fail "cannot read LR_BLOCK"
set -- $block
export BLOCK=$(($1 * $2)) TOOL="$JSON2NDJSON" TMPD="$T"
$PY - <<'PY'
import json, os, shlex, subprocess
B = int(os.environ["BLOCK"])
tool = shlex.split(os.environ["TOOL"])
path = os.path.join(os.environ["TMPD"], "pad.json")

def run(data, *opts):
    with open(path, "wb") as f:
        f.write(data)
    r = subprocess.run(tool + list(opts) + [path], capture_output=True)
    assert r.returncode in (0, 1), (r.returncode, r.stderr)
    return r.returncode, r.stdout, r.stderr.decode().replace(path, "F")

cases = [
    # Escapes, brackets and quotes inside strings, numbers of every form.
    (b'[{"a":"x\\\\\\"y\\u00e9]}","n":-12.5e+3},{"b":[1,{"c":"}]"}]},'
     b'123,-0.5E-2,"s\\"",true,false,null]', "--any"),
    (b'{"a":1}\n{"b":"\\\\"}\n7\n"x"\n  [1,\n2]\n', "--any"),
    (b'[{"a":1},{"b":[1 2]}]', ""),
    (b'[{"a":1},2,{"c":3}]', ""),
    (b'{"a":1}\n{"b":"x', ""),
    (b'[1,2,3', "--any"),
    (b'[{"a":1}] x', ""),
]
checked = 0
for text, opt in cases:
    opts = [opt] if opt else []
    st0, out0, err0 = run(text, *opts)
    want_err = ""
    for line in err0.splitlines(True):
        pre, _, rest = line.partition("F:")
        l, _, rest = rest.partition(":")
        want_err += "%sF:%d:%s" % (pre, int(l) + 1, rest)
    # Every offset of the first case, every third of the others.
    for k in range(0, len(text) + 1, 1 if checked == 0 else 3):
        pad = b" " * (B - 1 - k) + b"\n"
        st, out, err = run(pad + text, *opts)
        assert (st, out, err) == (st0, out0, want_err), \
            (text, k, st0, st, out0, out, want_err, err)
        checked += 1
# A value much larger than a block, full of escapes, split anywhere.
big = [{"s": "q\"\\/\u00e9\n" * 60000, "n": list(range(20000))}, {"b": 1}]
text = json.dumps(big, indent=1).encode()
st, out, err = run(text)
assert st == 0 and err == "", err
assert [json.loads(l) for l in out.decode().splitlines()] == big
st, out, err = run(b"\n".join(json.dumps(v).encode() for v in big))
assert st == 0 and [json.loads(l) for l in out.decode().splitlines()] == big
assert checked > 100
PY
