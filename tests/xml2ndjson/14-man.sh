# xml2ndjson: the man page is lint-clean and its EXAMPLES work
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
command -v mandoc >/dev/null 2>&1 || skip "no mandoc"
mandoc -Tlint -Wwarning "$TOP/man/xml2ndjson.1" >"$T/lint" 2>&1 ||
    fail "mandoc: $(cat "$T/lint")"
# Every option in --help is in the man page.
for o in record max-depth max-record rejects unbuffered help version; do
	grep -q -- "Fl -$o" "$TOP/man/xml2ndjson.1" || fail "man page lacks --$o"
done
in=$DATA/customers_billing.xml
[ -f "$in" ] || in=$SEED/customers_billing.xml
[ -f "$in" ] || skip "no data/customers_billing.xml"
cd "$T"
mkdir data
ln -s "$in" data/customers_billing.xml
n=$(grep -o '<Customer>' data/customers_billing.xml | wc -l)
run 0 $XML2NDJSON --record Customers/Customer data/customers_billing.xml
[ "$(wc -l <"$T/out")" -eq "$n" ] || fail "want $n records"
cp "$T/out" "$T/all"
if command -v jq >/dev/null 2>&1; then
	$XML2NDJSON -r Customer data/customers_billing.xml |
	    head -n 3 | jq -r .BillingAddress.City >"$T/cities"
	[ "$(wc -l <"$T/cities")" -eq 3 ] || fail "want 3 cities"
	hasnt "$T/cities" '^null$'
fi
run 0 $XML2NDJSON -r Customer -m 1M --rejects big.ndjson \
    data/customers_billing.xml
same "$T/out" "$T/all"
empty big.ndjson
