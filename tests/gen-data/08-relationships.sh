# gen-data: the planted cross-file relationships, checked from the files
# alone: duplicated name keys, customers missing from marketing or billing,
# records only in marketing or billing, names differing only in case or
# blanks, phones written differently in billing; exact figures for data/
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
cat >"$T/rel.py" <<'PYEOF'
import collections, csv, json, re, sys
import xml.etree.ElementTree as ET
d, n = sys.argv[1], int(sys.argv[2])
with open(d + "/customers.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(d + "/customers_subscriptions.json", encoding="utf-8") as f:
    js = json.load(f)
bl = []
for cu in ET.parse(d + "/customers_billing.xml").getroot():
    bl.append({k: cu.findtext(k) or "" for k in
               ("FirstName", "LastName", "CompanyName", "PhoneNo")})
bad = []

def check(what, got, want):
    if got != want:
        bad.append("%s: got %r, want %r" % (what, got, want))

def fold(key):
    return tuple(" ".join(x.split()).lower() for x in key)

def nsn(p):
    g = re.sub(r"[^0-9]", "", p)
    for cc in ("00440", "0044", "440", "44", "0"):
        if g.startswith(cc):
            return g[len(cc):]
    return g

r = lambda x: int(round(n * x))
D = r(0.006)
ck = collections.Counter((x["customer_type"], x["first_name"], x["last_name"],
                          x["company_name"]) for x in rows)
jk = collections.Counter((x["customer_type"], x["first_name"], x["last_name"],
                          x["company_name"]) for x in js)
cb = collections.Counter((x["first_name"], x["last_name"], x["company_name"])
                         for x in rows)
xb = collections.Counter((x["FirstName"], x["LastName"], x["CompanyName"])
                         for x in bl)
check("sales rows", len(rows), n)
check("marketing records", len(js), n - r(0.02) - r(0.005) + r(0.01))
check("billing records", len(bl), n - r(0.03) - r(0.005) + r(0.01))
dups = sorted(k for k, v in ck.items() if v > 1)
check("duplicated sales name keys", len(dups), D)
check("a key more than twice", max(ck.values(), default=1) <= 2, True)
check("duplicated keys twice in marketing", [jk[k] for k in dups], [2] * D)
check("duplicated keys twice in billing", [xb[k[1:]] for k in dups], [2] * D)
check("marketing duplicates are the sales ones",
      sorted(k for k, v in jk.items() if v > 1), dups)
check("business duplicate keys", sum(k[0] == "Business" for k in dups), D // 6)
phones = collections.defaultdict(list)
for x in rows:
    k = (x["customer_type"], x["first_name"], x["last_name"],
         x["company_name"])
    if k in ck and ck[k] == 2:
        phones[k].append(x["phone_number"])
nophone = [k for k in dups if phones[k] == ["", ""]]
check("duplicate keys where both have no phone", len(nophone), (D + 5) // 6)
check("other duplicate pairs have two different phones",
      all(p[0] and p[1] and p[0] != p[1] for k, p in phones.items()
          if k not in nophone), True)
for other, okeys, nmiss, nvar in (("marketing", jk, r(0.02) + r(0.005),
                                   r(0.005)),
                                  ("billing", xb, r(0.03) + r(0.005),
                                   r(0.005))):
    sales = cb if other == "billing" else ck
    fs, fo = set(map(fold, sales)), set(map(fold, okeys))
    check("sales keys missing from " + other, len(fs - fo), nmiss)
    check(other + " keys missing from sales", len(fo - fs), r(0.01))
    var = [k for k in okeys if k not in sales and fold(k) in fs]
    check(other + " names differing only in case/blanks", len(var), nvar)
    check(other + " folded keys unique apart from duplicates",
          len(fo), len(okeys))
# billing phones: the sales string, or the same number written otherwise
sp = {(x["first_name"], x["last_name"], x["company_name"]): x["phone_number"]
      for x in rows if cb[(x["first_name"], x["last_name"],
                           x["company_name"])] == 1}
same = differ = 0
for b in bl:
    k = (b["FirstName"], b["LastName"], b["CompanyName"])
    if k not in sp:
        continue
    if sp[k] == b["PhoneNo"]:
        same += 1
    elif sp[k] and nsn(sp[k]) == nsn(b["PhoneNo"]):
        differ += 1
    else:
        bad.append("billing phone %r for sales %r" % (b["PhoneNo"], sp[k]))
if not 0.01 < differ / max(same + differ, 1) < 0.06:
    bad.append("billing phones written differently: %d of %d"
               % (differ, same + differ))
if bad:
    sys.exit("FAIL:\n  " + "\n  ".join(bad))
if len(sys.argv) > 3:
    biz = sum(x["customer_type"] == "Business" for x in rows)
    print("sales %d rows, %d distinct keys, %d businesses, %d without phone"
          % (len(rows), len(ck), biz, sum(not x["phone_number"]
                                          for x in rows)))
    print("duplicated keys:", "; ".join("/".join(filter(None, k[1:]))
                                        for k in dups))
    print("both without phone:", "; ".join("/".join(filter(None, k[1:]))
                                           for k in nophone))
    print("marketing %d, billing %d" % (len(js), len(bl)))
    for other, okeys, sales in (("marketing", jk, ck), ("billing", xb, cb)):
        fs = set(map(fold, sales))
        print("%s exact keys in sales %d, case/blank variants %s" % (
            other, sum(1 for k in okeys if k in sales),
            sorted(k for k in okeys if k not in sales and fold(k) in fs)))
    print("billing phones written differently:", differ)
PYEOF
for n in 2000 1000 333; do
	gen --customers $n --seed 9 --out "$T/g$n"
	$PY "$T/rel.py" "$T/g$n" $n
done
# data/ in figures (README "Sample data" quotes them)
$PY "$T/rel.py" "$DATA" 1000 print
