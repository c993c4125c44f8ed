# ndjson-clean: the seed data's sales phone numbers: none nulled, all equal to python3-phonenumbers
. "$TOP/tests/lib.sh"
[ -f "$SEED/customers.csv" ] || skip "no seed data"
$PY -c 'import phonenumbers' 2>/dev/null || skip "python3-phonenumbers missing"
# csv2ndjson belongs to another branch: convert with python3 here
$PY - "$SEED/customers.csv" >"$T/in" <<'PY'
import csv, json, sys
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        print(json.dumps(row, ensure_ascii=False))
PY
run 0 $NDJSON_CLEAN --phone phone_number --date dob --email email \
    --stats "$T/stats" "$T/in"
empty "$T/err"
$PY - "$T/in" "$T/out" "$T/stats" <<'PY'
import json, sys
import phonenumbers as pn
ins = [json.loads(l) for l in open(sys.argv[1])]
outs = [json.loads(l) for l in open(sys.argv[2])]
assert len(ins) == len(outs) == 1000
nonempty = nulled = 0
for a, b in zip(ins, outs):
    p = a["phone_number"]
    if p.strip() == "":
        assert b["phone_number"] is None
        continue
    nonempty += 1
    want = pn.format_number(pn.parse(p, "GB"), pn.PhoneNumberFormat.E164)
    if b["phone_number"] is None:
        nulled += 1
        print("nulled:", p, file=sys.stderr)
    elif b["phone_number"] != want:
        raise SystemExit("%r: got %r, want %r" % (p, b["phone_number"], want))
    # dob is ISO already; e-mail addresses are all plausible
    assert b["dob"] == (a["dob"] or None), (a["dob"], b["dob"])
    assert b["email"] == (a["email"].lower() or None), a["email"]
# the original script nulled 57 of these 949; the rule here nulls none
assert (nonempty, nulled) == (949, 0), (nonempty, nulled)
st = json.load(open(sys.argv[3]))["fields"]
assert st["phone_number"]["invalid"] == 0 and st["phone_number"]["nulled"] == 51
assert st["dob"]["invalid"] == 0 and st["email"]["invalid"] == 0
PY
# billing XML PhoneNo values (read with python3's ElementTree) agree too
$PY - "$SEED/customers_billing.xml" >"$T/bill" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
for c in ET.parse(sys.argv[1]).getroot():
    d = {}
    for e in c:
        d[e.tag] = {g.tag: g.text or "" for g in e} if len(e) else e.text or ""
    print(json.dumps(d))
PY
run 0 $NDJSON_CLEAN --rename phone_no=phone_number --phone phone_number "$T/bill"
$PY - "$T/bill" "$T/out" <<'PY'
import json, sys
import phonenumbers as pn
want_keys = {"first_name", "last_name", "company_name", "phone_number",
    "payment_method", "billing_address__street", "billing_address__city",
    "billing_address__postcode", "card_details__card_number",
    "card_details__expiry_date", "card_details__cvv"}
n = 0
for a, b in zip(open(sys.argv[1]), open(sys.argv[2])):
    a, b = json.loads(a), json.loads(b)
    assert set(b) <= want_keys, set(b) - want_keys
    p = a["PhoneNo"]
    if p:
        n += 1
        assert b["phone_number"] == pn.format_number(pn.parse(p, "GB"),
            pn.PhoneNumberFormat.E164), (p, b["phone_number"])
assert n > 900, n
PY
