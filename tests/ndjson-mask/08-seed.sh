# ndjson-mask on the seed billing data: exactly what an independent python3 masking gives
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
[ -f "$SEED/customers_billing.xml" ] || skip "no seed data"
$PY "$TOP/tests/ndjson-mask/billing2ndjson.py" "$SEED/customers_billing.xml" \
    >"$T/in"
# The oracle: the pipeline's masking in a few lines of python.
$PY - "$T/in" >"$T/want" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    r.pop('card_details__cvv', None)
    c = r.get('card_details__card_number')
    if c:
        r['card_details__card_number'] = '*' * (len(c) - 4) + c[-4:]
    print(json.dumps(r, ensure_ascii=False, separators=(',', ':')))
PY
run 0 $M --card card_details__card_number --drop card_details__cvv \
    --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
# 326 card holders in the seed data, 1000 customers
has "$T/stats" '"records_in":1000,"records_out":1000,"rejected":0,"cards_masked":326,"scan_masked":0,"dropped":326,'
# --scan finds nothing else in the seed data (phone numbers are no PANs)
run 0 $M --card card_details__card_number --drop card_details__cvv --scan \
    --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
has "$T/stats" '"scan_masked":0,'
