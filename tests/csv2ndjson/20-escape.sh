# csv2ndjson: JSON escaping and UTF-8 checks at every length and offset
# (the escaper works a word at a time), checked against Python's json
. "$TOP/tests/lib.sh"
cd "$T"
$PY - <<'PY'
import json
specials = ['"', "\\", "\x01", "\x1f", "\x7f", "\n", "\r", "\t", "é", "✓",
            "😀", "/", " ", "\x00"]
rows, want = [], []
for n in range(0, 21):
    for j in range(-1, n):
        for sp in specials if j >= 0 else [""]:
            v = "abcdefghijklmnopqrstu"[:n]
            v = v[:j] + sp + v[j + 1:] if j >= 0 else v
            rows.append('"' + v.replace('"', '""') + '",' + str(len(rows)))
            want.append(json.dumps({"v": v, "i": str(len(want))},
                                   ensure_ascii=False,
                                   separators=(",", ":")))
with open("e.csv", "w", encoding="utf-8", newline="") as f:
    f.write("v,i\n" + "\n".join(rows) + "\n")
with open("want", "w", encoding="utf-8") as f:
    f.write("\n".join(want) + "\n")
# Invalid bytes at every offset: each such row is rejected.
with open("bad.csv", "wb") as f:
    f.write(b"v\n")
    for n in range(1, 21):
        for j in range(n):
            for b in (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf0\x9f\x98"):
                v = bytearray(b"abcdefghijklmnopqrstu"[:n])
                v[j:j + 1] = b
                f.write(bytes(v) + b"\n")
PY
run 0 $CSV2NDJSON e.csv
same out want
run 0 $CSV2NDJSON --rejects rej bad.csv
empty out
[ "$(wc -l <rej)" -eq $((210 * 4)) ] || fail "rejects: $(wc -l <rej)"
hasnt rej '"error":"[^i]'
