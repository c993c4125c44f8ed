# pipeline: a generated dataset with known joins (cases, spaces, phone forms, twins)
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
cd "$T"
mkdir in
$PY "$TOP/tests/pipeline/gen-known.py" 3 400 in
PANS=$T/pans
pans in/customers_billing.xml >"$PANS"
run 0 $ETL --data in --out res
no_pan res "$T/out" "$T/err"
$PY - <<'E'
import json, sqlite3
exp = json.load(open('in/expected.json'))
db = sqlite3.connect('res/customers.db')
rows = db.execute('select email, subscription_type, payment_method, customer_id '
                  'from customers_transformed').fetchall()
assert len(rows) == len(exp), (len(rows), len(exp))
bad = [(e, s, p, exp[e]) for e, s, p, _ in rows
       if (s, p) != (exp[e]['subscription_type'], exp[e]['payment_method'])]
assert not bad, bad[:5]
assert len(set(r[3] for r in rows)) == len(rows)
E
# Two people share a name with different subscriptions: both reported.
has "$T/out" 'ambiguous 1,'
# Ids do not depend on the other customers: drop a third of the sales
# rows, shuffle the rest, and every remaining customer keeps its id.
sqlite3 -separator '|' res/customers.db \
    'select email, customer_id from customers_transformed order by 1' >ids1
mkdir in2
cp in/customers_subscriptions.json in/customers_billing.xml in2/
{ head -1 in/customers.csv; sed 1d in/customers.csv | awk 'NR % 3 != 0' | sort -r; } \
    >in2/customers.csv
run 0 $ETL --data in2 --out res2 --quiet
sqlite3 -separator '|' res2/customers.db \
    'select email, customer_id from customers_transformed order by 1' >ids2
[ "$(wc -l <ids2)" -lt "$(wc -l <ids1)" ] || fail "nothing removed"
join -t '|' ids1 ids2 | awk -F'|' '$2 != $3 { print; bad = 1 } END { exit bad }' ||
    fail "ids changed"
