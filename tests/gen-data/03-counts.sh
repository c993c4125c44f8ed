# gen-data: record counts per file follow --customers (sales has exactly N;
# marketing and billing lose and gain the planted shares); --manifest
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
counts() {
	$PY - "$1" <<'PYEOF'
import csv, json, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
with open(d + "/customers.csv", newline="", encoding="utf-8") as f:
    n_csv = sum(1 for _ in csv.reader(f)) - 1
with open(d + "/customers_subscriptions.json", encoding="utf-8") as f:
    n_json = len(json.load(f))
n_xml = len(ET.parse(d + "/customers_billing.xml").getroot())
print(n_csv, n_json, n_xml)
PYEOF
}
# json = N - round(2.5% N) + round(1% N); xml = N - round(3.5% N) + round(1% N)
for n in 0 1 2 57 1000 3000; do
	gen --customers $n --seed 3 --out "$T/d$n" --manifest "$T/m$n.json"
	echo "$n: $(counts "$T/d$n")"
	$PY -c 'import json,sys; m = json.load(open(sys.argv[1]));
r = m["records"]; print("  manifest", r["csv"], r["json"], r["xml"],
m["planted"]["dup_keys"])' "$T/m$n.json"
done
# an empty export still has the seed's shapes
printf 'customer_type,first_name,last_name,company_name,email,phone_number,dob,sex\r\n' >"$T/h"
same "$T/h" "$T/d0/customers.csv"
printf '[]' >"$T/j"
same "$T/j" "$T/d0/customers_subscriptions.json"
printf "<?xml version='1.0' encoding='utf-8'?>\n<Customers />" >"$T/x"
same "$T/x" "$T/d0/customers_billing.xml"
