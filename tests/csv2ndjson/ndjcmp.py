# ndjcmp.py [--src NAME] OUT EXPECTED ...: each OUT (NDJSON) must hold,
# line by line, the objects of the JSON array in its EXPECTED, each written
# compactly with its keys in order and UTF-8 unescaped (exactly as
# json.dumps(ensure_ascii=False, separators=(',', ':')) writes it).  After
# --src NAME, an expected "src" that is a line number N means "NAME:N".
# One process checks many pairs.  A helper of tests/csv2ndjson.
import json
import sys


def check(out, exp, src):
    with open(out, encoding="utf-8") as f:
        got = f.read().split("\n")
    with open(exp, encoding="utf-8") as f:
        want = json.load(f)
    if not got or got.pop() != "":
        return "output does not end with a newline"
    if len(got) != len(want):
        return "%d records, want %d" % (len(got), len(want))
    for i, (g, w) in enumerate(zip(got, want)):
        if src is not None and isinstance(w.get("src"), int):
            w["src"] = "%s:%d" % (src, w["src"])
        e = json.dumps(w, ensure_ascii=False, separators=(",", ":"))
        if g != e:
            return "record %d:\n got  %s\n want %s" % (i + 1, g, e)
    return None


args, src, bad = sys.argv[1:], None, 0
while args:
    if args[0] == "--src":
        src, args = args[1], args[2:]
        continue
    why = check(args[0], args[1], src)
    if why:
        print("%s vs %s: %s" % (args[0], args[1], why), file=sys.stderr)
        bad = 1
    args = args[2:]
sys.exit(bad)
