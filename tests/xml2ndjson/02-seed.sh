# xml2ndjson: the seed billing export equals an independent etree conversion
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
in=$SEED/customers_billing.xml
[ -f "$in" ] || skip "no seed data"
$PY "$TOP/tests/xml2ndjson/oracle.py" Customers/Customer "$in" >"$T/want"
[ "$(wc -l <"$T/want")" -eq 1000 ] || fail "oracle gave $(wc -l <"$T/want") records"
# Document-order keys and compact output: byte-identical.
for r in Customers/Customer /Customers/Customer Customer; do
	run 0 $XML2NDJSON --record "$r" "$in"
	empty "$T/err"
	same "$T/out" "$T/want"
done
# Multi-line street addresses survive.
has "$T/out" '"Street":"Flat 79J\\nRichard bypass"'
# Every line is a JSON object with string leaves (no type inference).
$PY - "$T/out" <<'PY'
import json, sys
def leaves(v):
    if isinstance(v, dict):
        for x in v.values(): yield from leaves(x)
    elif isinstance(v, list):
        for x in v: yield from leaves(x)
    else:
        yield v
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert isinstance(o, dict)
    assert all(isinstance(x, str) for x in leaves(o)), line
PY
# From standard input, as "-" and with no operand.
run 0 $XML2NDJSON -r Customers/Customer - <"$in"
same "$T/out" "$T/want"
run 0 $XML2NDJSON -r Customers/Customer <"$in"
same "$T/out" "$T/want"
