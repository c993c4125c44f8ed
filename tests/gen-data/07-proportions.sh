# gen-data: at 10,000 customers the kinds of values come in the seed's
# proportions (within a tolerance), and every kind of mess is present
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
gen --customers 10000 --seed 2 --out "$T/g"
$PY - "$T/g" <<'PYEOF'
import collections, csv, json, re, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
with open(d + "/customers.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(d + "/customers_subscriptions.json", encoding="utf-8") as f:
    js = json.load(f)
root = ET.parse(d + "/customers_billing.xml").getroot()
bad = []

def share(what, n, total, lo, hi):
    p = 100.0 * n / total if total else 0.0
    if not lo <= p <= hi:
        bad.append("%s: %.2f%%, want %g..%g%%" % (what, p, lo, hi))

def some(what, n, lo=1):
    if n < lo:
        bad.append("%s: only %d" % (what, n))

N = len(rows)
subs = collections.Counter(o["subscription_type"] for o in js)
for name, want, tol in (("Basic", 58, 2), ("Premium", 22.8, 2),
                        ("Free", 14, 1.5), ("Unknown", 5, 1),
                        ("Enterprise", 0.2, 0.15)):
    share("subscription " + name, subs[name], len(js), want - tol, want + tol)
if set(subs) != {"Basic", "Premium", "Free", "Unknown", "Enterprise"}:
    bad.append("subscription types %r" % sorted(subs))
pay = collections.Counter(cu.findtext("PaymentMethod") or "" for cu in root)
for name, want in (("Credit Card", 32.6), ("PayPal", 31.7),
                   ("Direct Debit", 31.6)):
    share("payment " + name, pay[name], len(root), want - 2, want + 2)
share("payment empty", pay[""], len(root), 3, 5.5)
if len(pay) != 4:
    bad.append("payment methods %r" % sorted(pay))

biz = [r for r in rows if r["customer_type"] == "Business"]
ind = [r for r in rows if r["customer_type"] == "Individual"]
if len(biz) + len(ind) != N:
    bad.append("customer types other than Individual/Business")
share("businesses", len(biz), N, 8, 10.6)
if any(r["first_name"] or r["last_name"] or r["dob"] or r["sex"]
       or not r["company_name"] for r in biz):
    bad.append("a business with a person's fields")
if any(not r["first_name"] or not r["last_name"] or r["company_name"]
       or r["sex"] not in ("Female", "Male") for r in ind):
    bad.append("an individual without name or sex, or with a company")
share("female individuals", sum(r["sex"] == "Female" for r in ind),
      len(ind), 47, 54)
some("company names with commas", sum("," in r["company_name"] for r in biz),
     N * 0.02)
some("company names with &", sum("&" in r["company_name"] for r in biz))
some("names with an apostrophe", sum("'" in r["last_name"] for r in ind))
some("names outside ASCII", sum(not (r["first_name"] + r["last_name"])
                                .isascii() for r in ind), 10)
some("double-barrelled surnames", sum("-" in r["last_name"] for r in ind))

# phones
ph = [r["phone_number"] for r in rows]
share("empty phones", ph.count(""), N, 4, 6.2)
forms = {
    "+44(0)": r"^\+44\(0\)[0-9]", "+44 no space": r"^\+44[1-9]",
    "+44 space": r"^\+44 [1-9]", "(0..)": r"^\(0[0-9]+\) ?[0-9]",
    "0 national": r"^0[1-9][0-9]*( [0-9]+)*$",
    "no spaces": r"^0[0-9]{9,10}$", "0044": r"^0044", "44": r"^44[1-9 ]",
    "dashes": r"^(\+44-|0)[0-9]+-[0-9]+-[0-9]+$",
    "dots": r"^0[0-9]+\.[0-9]+\.[0-9]+$", "tel:": r"^tel:",
    "x extension": r"[0-9] ?x[0-9]+$", "ext. extension": r"(?i)ext\.? ?[0-9]+$",
    "01632 960": r"1632 ?960", "0113 496 0": r"113\)? ?496 ?0",
    "07700 900": r"7700\)? ?900", "020 7946": r"20\)? ?7946",
    "0306 999": r"306\)? ?999", "0808 157": r"808\)? ?157",
    "0909 879": r"909\)? ?879", "028 9018": r"28\)? ?9018",
    "029 2018": r"29\)? ?2018",
}
for name, rx in forms.items():
    some("phones written " + name, sum(bool(re.search(rx, p)) for p in ph))

def digits(p):
    p = re.sub(r"(?i)(x|ext\.?) ?[0-9]+$", "", p)
    if re.search(r"[A-Za-z?/]", p.replace("tel:", "")):
        return None
    g = re.sub(r"[^0-9]", "", p)
    for cc in ("00440", "0044", "440", "44"):
        if g.startswith(cc):
            g = g[len(cc):]
            break
    else:
        g = g[1:] if g.startswith("0") else g
    return g

nsn = [digits(p) for p in ph if p]
invalid = sum(1 for g in nsn if g is None or len(g) not in (9, 10))
share("phones not 9-10 digits or with letters", invalid, len(nsn), 0.4, 2.5)
share("9-digit 028/029 phones (invalid, as in the seed)",
      sum(1 for g in nsn if g and len(g) == 9), len(nsn), 4, 8)

# emails and dates
em = [r["email"] for r in rows]
share("empty emails", em.count(""), N, 4, 6)
some("emails in upper or mixed case", sum(e != e.lower() for e in em), N * .01)
some("emails with blanks", sum(e != e.strip() for e in em), N * 0.005)
if any(e and "@" not in e for e in em):
    bad.append("email without @")
dob = collections.Counter()
for r in ind:
    v = r["dob"]
    for name, rx in (("iso", r"^(19[5-9][0-9]|200[0-6])-[01][0-9]-[0-3][0-9]$"),
                     ("dd/mm/yyyy", r"^[0-3][0-9]/[01][0-9]/[12][0-9]{3}$"),
                     ("d Mon yyyy", r"^[1-3]?[0-9] [A-Z][a-z]{2} [12][0-9]{3}$"),
                     ("yyyymmdd", r"^[12][0-9]{3}[01][0-9][0-3][0-9]$")):
        if re.match(rx, v):
            dob[name] += 1
            break
    else:
        bad.append("dob %r" % v)
share("dob ISO", dob["iso"], len(ind), 90, 97)
for name in ("dd/mm/yyyy", "d Mon yyyy", "yyyymmdd"):
    some("dob " + name, dob[name], len(ind) * 0.005)

# addresses
city = collections.Counter(cu.findtext("BillingAddress/City") or ""
                           for cu in root)
share("London", city["London"], len(root), 15, 20)
for c in ("Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool",
          "Bristol", "Newcastle upon Tyne", "Edinburgh", "Cardiff",
          "Belfast"):
    some("city " + c, city[c], len(root) * 0.01)
share("empty city", city[""], len(root), 3, 6)
streets = [cu.findtext("BillingAddress/Street") for cu in root]
share("multi-line streets", sum("\n" in s for s in streets), len(root), 40, 55)
pc = [cu.findtext("BillingAddress/Postcode") for cu in root]
ok = sum(bool(re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}", p))
         for p in pc)
share("postcodes in the usual form", ok, len(pc), 97, 100)
lon = [cu.findtext("BillingAddress/Postcode") for cu in root
       if cu.findtext("BillingAddress/City") == "London"]
share("London postcodes in London areas",
      sum(bool(re.match(r"(?i)(EC|WC|E|N|NW|SE|SW|W)[0-9]", p)) for p in lon),
      len(lon), 100, 100)

if bad:
    sys.exit("FAIL:\n  " + "\n  ".join(bad))
PYEOF
