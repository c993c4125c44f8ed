# ndjcmp.py OUT EXPECTED: OUT (NDJSON) must hold, line by line, the objects
# of the JSON array in EXPECTED, each written compactly with its keys in
# order and UTF-8 unescaped (exactly as json.dumps(ensure_ascii=False,
# separators=(',', ':')) writes it).  A helper of tests/csv2ndjson.
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    got = f.read().split("\n")
with open(sys.argv[2], encoding="utf-8") as f:
    want = json.load(f)
if got and got[-1] == "":
    got.pop()
else:
    sys.exit("output does not end with a newline")
if len(got) != len(want):
    sys.exit("%d records, want %d" % (len(got), len(want)))
for i, (g, w) in enumerate(zip(got, want)):
    exp = json.dumps(w, ensure_ascii=False, separators=(",", ":"))
    if g != exp:
        sys.exit("record %d:\n got  %s\n want %s" % (i + 1, g, exp))
