# common.sh: helpers for the pipeline tests (sourced after tests/lib.sh).
# The pipeline needs every tool: skip (77) until all of them are built.
for t in csv2ndjson json2ndjson xml2ndjson ndjson-clean ndjson-mask \
    ndjson-join sqlite-load; do
	[ -x "$TOOLDIR/$t" ] || skip "$t not built yet: pipeline not tested"
done
command -v sqlite3 >/dev/null || skip "no sqlite3"
ETL="sh $TOP/scripts/etl.sh --bin $TOOLDIR"

# pans FILE: every card number in a billing XML, one per line.
pans() {
	sed -n 's/.*<CardNumber>\([^<]*\)<.*/\1/p' "$1" | tr -d ' -' | sort -u
}

# no_pan FILE...: no raw card number of $PANS (a file) in any FILE.
no_pan() {
	[ -s "$PANS" ] || fail "no card numbers to look for"
	if grep -rFf "$PANS" "$@" >/dev/null 2>&1; then
		fail "a full card number leaked: $(grep -rlFf "$PANS" "$@" | head -3)"
	fi
}

# table DB: the loaded table as sorted rows.
table() {
	sqlite3 -separator '|' "$1" \
	    'select * from customers_transformed order by customer_id'
}
