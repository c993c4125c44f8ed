# ndjson-clean: the man page is lint-clean, documents every option, and its examples run
. "$TOP/tests/lib.sh"
page=$TOP/man/ndjson-clean.1
command -v mandoc >/dev/null 2>&1 || skip "mandoc missing"
run 0 mandoc -Tlint -Wwarning "$page"
empty "$T/out"
# every long option of --help has an entry in OPTIONS
$TOOLDIR/ndjson-clean --help | grep -oE -- '--[a-z-]+' | sort -u >"$T/opts"
[ "$(wc -l <"$T/opts")" -ge 14 ] || fail "too few options in --help"
while read -r o; do
	grep -qE -- "^\.It Fl (.* )?${o#-}( |\$)" "$page" ||
	    fail "man page has no entry for $o"
done <"$T/opts"
# the literal example
echo '{"Order ID":7,"orderDate":"12/31/2023"}' >"$T/in"
run 0 $NDJSON_CLEAN --date order_date --date-order mdy "$T/in"
echo '{"order_id":7,"order_date":"2023-12-31"}' >"$T/want"
same "$T/out" "$T/want"
# the pipelines on data/, when the sibling tools and data are there
if [ -x "$TOOLDIR/csv2ndjson" ] && [ -f "$DATA/customers.csv" ]; then
	$TOOLDIR/csv2ndjson "$DATA/customers.csv" >"$T/csv"
	run 0 $NDJSON_CLEAN --phone phone_number --date dob --email email "$T/csv"
	has "$T/out" '"phone_number":"\+44'
	run 0 $NDJSON_CLEAN --date dob --strict --rejects "$T/bad" "$T/csv"
fi
if [ -x "$TOOLDIR/xml2ndjson" ] && [ -f "$DATA/customers_billing.xml" ]; then
	$TOOLDIR/xml2ndjson --record Customers/Customer \
	    "$DATA/customers_billing.xml" >"$T/xml"
	run 0 $NDJSON_CLEAN --rename phone_no=phone_number \
	    --phone phone_number --stats "$T/stats" "$T/xml"
	has "$T/out" '"billing_address__street":'
fi
