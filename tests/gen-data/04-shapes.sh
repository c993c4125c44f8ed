# gen-data: the files have exactly the seed's shapes: same CSV header, JSON
# keys and XML children; each re-serialises byte for byte the way the seed
# does (csv.writer, json.dumps indent=4, ElementTree with declaration)
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
[ -d "$SEED" ] || skip "no seed data in $SEED"
gen --customers 2000 --seed 5 --out "$T/g"
$PY - "$SEED" "$T/g" <<'PYEOF'
import csv, io, json, sys
import xml.etree.ElementTree as ET

def fail(msg):
    sys.exit("FAIL: " + msg)

def shapes(d):
    with open(d + "/customers.csv", "rb") as f:
        header = f.readline()
    with open(d + "/customers_subscriptions.json", encoding="utf-8") as f:
        js = json.load(f)
    keys = sorted({tuple(o) for o in js})
    root = ET.parse(d + "/customers_billing.xml").getroot()
    kids = set()
    for cu in root:
        if cu.tag != "Customer":
            fail("%s: child %s" % (d, cu.tag))
        kids.add(tuple(c.tag for c in cu))
        for c in cu:
            if len(c):
                kids.add((c.tag,) + tuple(g.tag for g in c))
            elif c.tag in ("BillingAddress", "CardDetails"):
                fail("%s: empty %s" % (d, c.tag))
    return header, keys, root.tag, sorted(kids)

def roundtrip(d):
    p = d + "/customers.csv"
    with open(p, newline="", encoding="utf-8") as f:
        text = f.read()
    out = io.StringIO()
    csv.writer(out).writerows(csv.reader(io.StringIO(text, newline="")))
    if out.getvalue() != text:
        fail(p + ": csv.writer writes it differently")
    p = d + "/customers_subscriptions.json"
    with open(p, encoding="utf-8") as f:
        text = f.read()
    if json.dumps(json.loads(text), indent=4) != text:
        fail(p + ": json.dumps(indent=4) writes it differently")
    p = d + "/customers_billing.xml"
    with open(p, "rb") as f:
        raw = f.read()
    out = io.BytesIO()
    ET.ElementTree(ET.fromstring(raw)).write(out, encoding="utf-8",
                                            xml_declaration=True)
    if out.getvalue() != raw:
        fail(p + ": ElementTree writes it differently")

seed, gen = sys.argv[1], sys.argv[2]
roundtrip(seed)     # the oracle describes the seed itself
roundtrip(gen)
s, g = shapes(seed), shapes(gen)
for what, a, b in zip(("csv header", "json keys", "xml root",
                       "xml children"), s, g):
    if a != b:
        fail("%s: seed %r, generated %r" % (what, a, b))
print(g[0].decode().strip())
for k in g[1]:
    print("json:", ",".join(k))
for k in g[3]:
    print("xml:", ",".join(k))
PYEOF
# multi-line streets are written raw inside <Street>, CRLF ends CSV records
grep -q '^[^<]*</Street>' "$T/g/customers_billing.xml" ||
    fail "no multi-line street"
[ "$(head -c 1 "$T/g/customers_subscriptions.json")" = "[" ] || fail "json"
