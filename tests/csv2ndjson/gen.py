# gen.py SEED CSV EXPECTED: write a random CSV that exercises quoting,
# embedded line breaks, CRLF, blank lines, a BOM and fields that straddle
# read blocks, plus the JSON array csv2ndjson must turn it into, with
# "src": the physical line (counting '\n') on which each record starts
# (see ndjcmp.py --src).  A helper of tests/csv2ndjson.
import json
import random
import sys

seed, csvpath, exppath = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random(seed)
pieces = ["a", "bc", "Zoe", "O'Neil", "1975-11-01", " ", ",", '"', '""',
          "\n", "\r\n", "\r", "\t", "é", "✓", "😀", "\x01", "\\", "/",
          "+44(0)191 496 0841", "x" * 40]
ncol = rnd.randint(2, 9)
header = ["col%d" % i for i in range(ncol)]
header[0] = "naïve key"
out = []


def field(v, force=False):
    if force or any(ch in v for ch in ',"\r\n') or rnd.random() < 0.2:
        return '"' + v.replace('"', '""') + '"'
    return v


def value():
    r = rnd.random()
    if r < 0.15:
        return ""
    if r < 0.0015 + 0.15:
        return "y" * rnd.randint(200000, 400000)	# straddles blocks
    return "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))


text = []
nl = 0					# '\n' written so far
def emit(s):
    global nl
    text.append(s)
    nl += s.count("\n")

if rnd.random() < 0.5:
    text.append("\ufeff")
emit(",".join(field(h) for h in header) + rnd.choice(["\n", "\r\n"]))
size = 0
want = []
while size < 1200000:
    if rnd.random() < 0.05:
        emit(rnd.choice(["\n", "\r\n"]))	# a blank line: no record
    vals = [value() for _ in header]
    line = nl + 1
    rec = ",".join(field(v) for v in vals)
    emit(rec)
    size += len(rec)
    obj = dict(zip(header, vals))
    obj["src"] = line
    want.append(obj)
    emit(rnd.choice(["\n", "\r\n"]))
if rnd.random() < 0.5:
    text.pop()				# no line break at the very end
with open(csvpath, "w", encoding="utf-8", newline="") as f:
    f.write("".join(text))
with open(exppath, "w", encoding="utf-8") as f:
    json.dump(want, f, ensure_ascii=False)
