# pipeline: the loaded table equals an independent Python join of the kept stages
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
if [ -f "$DATA/customers.csv" ]; then
	IN=$DATA
elif [ -f "$SEED/customers.csv" ]; then
	IN=$SEED
else
	skip "no data"
fi
cd "$T"
PANS=$T/pans
pans "$IN/customers_billing.xml" >"$PANS"
run 0 $ETL --data "$IN" --out res --keep keep --quiet
no_pan res keep "$T/err"
# Source counts, independently of the tools.
$PY - "$IN" <<'E'
import csv, json, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
n_csv = sum(1 for _ in csv.DictReader(open(d + '/customers.csv', newline='', encoding='utf-8-sig')))
n_json = len(json.load(open(d + '/customers_subscriptions.json')))
n_xml = len(ET.parse(d + '/customers_billing.xml').getroot().findall('Customer'))
for name, n in (('sales.clean', n_csv), ('marketing.clean', n_json), ('billing.mask', n_xml)):
    got = sum(1 for _ in open('keep/%s.ndjson' % name))
    assert got == n, (name, got, n)
E
# The join, the ids and the load, recomputed from the cleaned stages.
$PY - <<'E'
import json, re, sqlite3, collections
def load(n): return [json.loads(l) for l in open('keep/%s.ndjson' % n, encoding='utf-8')]
def fold(v):
    if v is None: return ''
    if not isinstance(v, str): return json.dumps(v)
    v = re.sub(r'[ \t\n\v\f\r\u00a0]+', ' ', v).strip(' ')
    return ''.join(c.lower() if 'A' <= c <= 'Z' else c for c in v)
def join(left, right, keys, ident):
    def key(r): return tuple(fold(r.get(k)) for k in keys)
    def ok(k): return any(k[keys.index(f)] for f in ident)
    groups = collections.defaultdict(list)
    for r in right:
        if ok(key(r)): groups[key(r)].append(r)
    body = lambda r: json.dumps([(k, v) for k, v in r.items() if k not in keys])
    out = []
    for l in left:
        g = groups.get(key(l)) if ok(key(l)) else None
        m = dict(l)
        if g and len(set(map(body, g))) == 1:
            for k, v in g[0].items():
                if k not in keys and k not in m: m[k] = v
        out.append(m)
    return out
sales, mkt, bill = load('sales.clean'), load('marketing.clean'), load('billing.mask')
mk = ['customer_type', 'first_name', 'last_name', 'company_name']
a = join(sales, mkt, mk, mk[1:])
bk = ['first_name', 'last_name', 'company_name', 'phone_number']
b = join(a, bill, bk, bk)
want = {}
for r in b:
    ident = tuple(fold(r.get(f)) for f in mk + ['email', 'phone_number', 'dob'])
    want.setdefault(ident, r)
db = sqlite3.connect('res/customers.db')
db.row_factory = sqlite3.Row
rows = [dict(r) for r in db.execute('select * from customers_transformed')]
assert len(rows) == len(want), (len(rows), len(want))
got = {tuple(fold(r.get(f)) for f in mk + ['email', 'phone_number', 'dob']): r for r in rows}
cols = [c for c in rows[0] if c != 'customer_id']
for k, w in want.items():
    g = got[k]
    for c in cols:
        assert g[c] == w.get(c), (k, c, g[c], w.get(c))
assert len(set(r['customer_id'] for r in rows)) == len(rows)
kept = [json.loads(l) for l in open('keep/join.billing.ndjson')]
assert sorted(r['customer_id'] for r in kept) == sorted(r['customer_id'] for r in rows)
print('oracle: %d rows agree' % len(rows))
E
