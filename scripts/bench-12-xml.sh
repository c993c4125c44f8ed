# bench-12-xml.sh: xml2ndjson against Debian yq's xq and Python's
# ElementTree.iterparse on the billing export (sourced by scripts/bench).
# xq (xmltodict + jq) holds the whole document in memory, so above 100k
# customers it runs on a prefix file of the first 100k, made here once.
xml_in=$BENCH_DIR/customers_billing.xml
xml_py=python3
[ -x /usr/bin/python3 ] && xml_py=/usr/bin/python3

# The same conversion in Python: iterparse, one json.dumps per record.
cat >"$BENCH_DIR/xml-iterparse.py" <<'PY'
import json, sys
import xml.etree.ElementTree as ET

def value(e, top=False):
    kids = list(e)
    if not kids and not e.attrib and not top:
        return e.text or ""
    obj = {"@" + k: v for k, v in e.attrib.items()}
    groups = {}
    for c in kids:
        groups.setdefault(c.tag, []).append(value(c))
    for tag, vals in groups.items():
        obj[tag] = vals[0] if len(vals) == 1 else vals
    return obj

out = sys.stdout
depth = 0
root = None
for ev, e in ET.iterparse(sys.stdin.buffer, events=("start", "end")):
    if ev == "start":
        depth += 1
        if root is None:
            root = e
        continue
    depth -= 1
    if depth == 1 and e.tag == "Customer":
        out.write(json.dumps(value(e, True), ensure_ascii=False,
                             separators=(",", ":")) + "\n")
        root.clear()
PY

# xml-prefix N IN OUT: the first N Customer records as a document.
xml_prefix() {
	"$xml_py" - "$@" <<'PY'
import sys
n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
tag, seen, tail = b"</Customer>", 0, b""
with open(src, "rb") as f, open(dst + ".tmp", "wb") as out:
    while True:
        chunk = f.read(1 << 20)
        if not chunk:
            break
        data = tail + chunk
        pos = 0
        while seen < n:
            i = data.find(tag, pos)
            if i < 0:
                break
            pos = i + len(tag)
            seen += 1
        if seen == n:
            out.write(data[:pos] + b"\n</Customers>\n")
            break
        keep = len(tag) - 1
        out.write(data[:max(pos, len(data) - keep)])
        tail = data[max(pos, len(data) - keep):]
import os
os.rename(dst + ".tmp", dst)
PY
}

bench_row "xml2ndjson -r Customers/Customer" "$xml_in" \
    "'$TOOLDIR/xml2ndjson' -r Customers/Customer"
bench_row "python3 ElementTree.iterparse + json.dumps" "$xml_in" \
    "'$xml_py' '$BENCH_DIR/xml-iterparse.py'"
if command -v xq-python >/dev/null 2>&1; then
	xq_in=$xml_in xq_label=
	if [ "$N" -gt 100000 ]; then
		xq_in=$BENCH_DIR/customers_billing.100k.xml
		[ -f "$xq_in" ] || xml_prefix 100000 "$xml_in" "$xq_in"
		xq_label=" (first 100k customers)"
		bench_row "xml2ndjson -r Customers/Customer$xq_label" "$xq_in" \
		    "'$TOOLDIR/xml2ndjson' -r Customers/Customer"
	fi
	bench_row "xq-python -c '.Customers.Customer[]'$xq_label" "$xq_in" \
	    "xq-python -c '.Customers.Customer[]'"
else
	bench_note "xq-python (Debian yq) not installed"
fi
