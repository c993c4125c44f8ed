# ndjson-join: the pipeline's two joins on ../shared/seed-data
. "$TOP/tests/lib.sh"
[ -f "$SEED/customers.csv" ] || skip "no seed data in $SEED"
cd "$T"
$PY "$TOP/tests/ndjson-join/seed2ndjson.py" "$SEED" .
run 0 $NDJSON_JOIN -k customer_type,first_name,last_name,company_name \
    --identity first_name,last_name,company_name --fold --dups none \
    --stats s1 --unmatched u1 sales.ndjson marketing.ndjson
cp "$T/out" sm
# Seed README: 6 duplicated keys on each side; 3 of them (Julia Smith,
# Michael Stevens, Robin Owen) have different subscriptions and stay
# unmatched, the identical ones (Jones Inc, Jayne Kelly, Marion Patel) match.
has s1 '"left":1000,"right":1000,"matched":994,"left_unmatched":6,"right_unmatched":9,"left_dup_keys":6,"right_dup_keys":6,"ambiguous_keys":3,'
[ "$(grep -c '"reason":"ambiguous"' u1)" -eq 12 ] || fail "ambiguous"
[ "$(grep -c '"reason":"duplicate"' u1)" -eq 3 ] || fail "duplicate"
# Every business gets its subscription.
$PY - <<'E'
import json
recs = [json.loads(l) for l in open('sm')]
assert len(recs) == 1000
b = [r for r in recs if r['customer_type'] == 'Business']
assert len(b) == 93 and all(r.get('subscription_type') for r in b), b
E
run 0 $NDJSON_JOIN -k first_name,last_name,company_name,phone_number \
    --fold --dups none --stats s2 \
    --id customer_id --id-from customer_type,first_name,last_name,company_name,email,phone_number,dob \
    sm billing.ndjson
has s2 '"left":1000,"right":1000,"matched":1000,"left_unmatched":0,"right_unmatched":0,'
$PY - "$T/out" <<'E'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ids = [r['customer_id'] for r in recs]
assert len(ids) == 1000 and len(set(ids)) == 1000
assert all(isinstance(i, int) and 0 < i < 2**53 for i in ids)
assert all('payment_method' in r for r in recs)
assert not any('cvv' in k for r in recs for k in r)
E
