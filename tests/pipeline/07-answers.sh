# pipeline: the business questions' SQL (scripts/*.sql) on a table with
# known answers, and `make run` printing them for data/
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
cd "$T"
SCHEMA=$TOP/scripts/customers_transformed.schema.json
# Seven customers: London written three ways, one London customer with no
# known payment method, one in Londonderry, tiers and customer types mixed.
cat >rows.ndjson <<'E'
{"customer_id":1,"customer_type":"Business","company_name":"Acme","subscription_type":"Enterprise","payment_method":"Direct Debit","billing_address__city":"London"}
{"customer_id":2,"customer_type":"Individual","first_name":"Ann","last_name":"Lee","subscription_type":"Premium","payment_method":"PayPal","billing_address__city":" london "}
{"customer_id":3,"customer_type":"Business","company_name":"Zed Ltd","subscription_type":"Premium","payment_method":"Credit Card","billing_address__city":"LONDON"}
{"customer_id":4,"customer_type":"Individual","first_name":"Dan","last_name":"Fox","subscription_type":"Basic","payment_method":"Direct Debit","billing_address__city":"London"}
{"customer_id":5,"customer_type":"Individual","first_name":"Bob","last_name":"Ray","subscription_type":"Premium","billing_address__city":"London"}
{"customer_id":6,"customer_type":"Individual","first_name":"Cat","last_name":"Day","subscription_type":"Premium","payment_method":"Direct Debit","billing_address__city":"Londonderry"}
{"customer_id":7,"customer_type":"Individual","first_name":"Eve","last_name":"Ng","payment_method":"PayPal","billing_address__city":"London"}
E
run 0 $SQLITE_LOAD -s "$SCHEMA" -d fx.db -t customers_transformed rows.ndjson
sqlite3 -separator '|' fx.db <"$TOP/scripts/london-payment-method.sql" >got
cat >want <<'E'
Direct Debit|2|40.0
PayPal|2|40.0
Credit Card|1|20.0
E
same got want
sqlite3 -separator '|' fx.db <"$TOP/scripts/most-valuable-subscribers.sql" >got
cat >want <<'E'
Enterprise|Business|1
Premium|Individual|3
Premium|Business|1
1|Enterprise|Business|Acme|Direct Debit|London
3|Premium|Business|Zed Ltd|Credit Card|LONDON
2|Premium|Individual|Ann Lee|PayPal| london 
5|Premium|Individual|Bob Ray||London
6|Premium|Individual|Cat Day|Direct Debit|Londonderry
E
same got want
# make run: the pipeline on data/, then both answers, recomputed here in
# Python from the table it loaded.
[ -f "$TOP/data/customers.csv" ] || skip "no data/"
run 0 make -C "$TOP" --no-print-directory SAN=${SAN:-} BIN=$TOOLDIR \
    PIPE_OUT=$T/mk run
has "$T/out" '^  rows loaded +1000 '
has "$T/out" '^Most valuable subscribers \(scripts/most-valuable-subscribers.sql\):$'
has "$T/out" '^Preferred payment method in London \(scripts/london-payment-method.sql\):$'
sed -n '/^Preferred payment method in London/,$p' "$T/out" | sed 1,3d |
    sed -E 's/^(.*[^ ]) +([0-9]+) +([0-9.]+) *$/\1|\2|\3/' >got
$PY - mk/customers.db >want <<'E'
import collections, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = collections.Counter(m for c, m in db.execute(
    "select billing_address__city, payment_method from customers_transformed")
    if c is not None and m is not None and c.strip().lower() == "london")
total = sum(n.values())
assert total > 0
for m, k in sorted(n.items(), key=lambda x: (-x[1], x[0])):
    print("%s|%d|%.1f" % (m, k, round(100.0 * k / total, 1)))
E
same got want
