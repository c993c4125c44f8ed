# bench-21-mask.sh: ndjson-mask on 1M billing records (flattened like
# ndjson-clean output) against the same masking in jq, Miller and Python.
# Sourced by scripts/bench: uses TOP, TOOLDIR, BENCH_DIR, bench_row.
# The slow peers run on a 100k-record prefix (labelled so).

mask_xml=$BENCH_DIR/customers_billing.xml
mask_in=$BENCH_DIR/billing-clean.ndjson
mask_small=$BENCH_DIR/billing-clean-100k.ndjson

# The billing records as ndjson-clean writes them: through the tools when
# they are built and give the expected fields, else through python3.
mask_make_input() {
	rm -f "$mask_in.tmp" "$mask_in.fail"
	if [ -x "$TOOLDIR/xml2ndjson" ] && [ -x "$TOOLDIR/ndjson-clean" ]; then
		{ "$TOOLDIR/xml2ndjson" --record Customers/Customer "$mask_xml" ||
		    : >"$mask_in.fail"; } |
		    "$TOOLDIR/ndjson-clean" --rename phone_no=phone_number \
		    >"$mask_in.tmp" 2>/dev/null || : >"$mask_in.fail"
		if [ ! -e "$mask_in.fail" ] &&
		    head -n 1000 "$mask_in.tmp" |
		    grep -q '"card_details__card_number":"'; then
			mv "$mask_in.tmp" "$mask_in"
			return 0
		fi
	fi
	rm -f "$mask_in.tmp" "$mask_in.fail"
	python3 "$TOP/tests/ndjson-mask/billing2ndjson.py" "$mask_xml" \
	    >"$mask_in.tmp" && mv "$mask_in.tmp" "$mask_in"
}

if [ ! -f "$mask_xml" ]; then
	bench_note "ndjson-mask: skipped, no $mask_xml"
elif [ ! -s "$mask_in" ] && ! mask_make_input; then
	bench_note "ndjson-mask: skipped, could not build $mask_in"
else
	[ -s "$mask_small" ] || head -n 100000 "$mask_in" >"$mask_small"
	mask_args='--card card_details__card_number --drop card_details__cvv'
	bench_row "ndjson-mask --card --drop" "$mask_in" \
	    "$TOOLDIR/ndjson-mask $mask_args"
	bench_row "ndjson-mask --card --drop --scan" "$mask_in" \
	    "$TOOLDIR/ndjson-mask $mask_args --scan"
	printf 'bench-key-not-secret\n' >"$BENCH_DIR/mask.key"
	chmod 600 "$BENCH_DIR/mask.key"
	bench_row "ndjson-mask --card --drop --hash phone_number" "$mask_in" \
	    "$TOOLDIR/ndjson-mask $mask_args --hash phone_number --key-file $BENCH_DIR/mask.key"
	bench_row "ndjson-mask --card --drop (100k prefix)" "$mask_small" \
	    "$TOOLDIR/ndjson-mask $mask_args"
	if command -v jq >/dev/null; then
		bench_row "jq mask (100k prefix)" "$mask_small" "jq -c '
		    del(.card_details__cvv)
		    | if (.card_details__card_number | type) == \"string\"
		      then .card_details__card_number |= (gsub(\"[ -]\"; \"\")
		        | (\"*\" * (length - 4)) + .[-4:])
		      else . end'"
	else
		bench_note "jq mask: skipped, no jq"
	fi
	if command -v mlr >/dev/null; then
		bench_row "Miller mask (100k prefix)" "$mask_small" "mlr --ijsonl --ojsonl put '
		    if (is_string(\$card_details__card_number)) {
		      c = gsub(\$card_details__card_number, \"[ -]\", \"\");
		      n = strlen(c);
		      \$card_details__card_number =
		        gsub(substr1(c, 1, n - 4), \"[0-9]\", \"*\") .
		        substr1(c, n - 3, n)
		    }
		    unset \$card_details__cvv'"
	else
		bench_note "Miller mask: skipped, no mlr"
	fi
	bench_row "Python mask (100k prefix)" "$mask_small" "python3 -c '
import json, re, sys
sep = re.compile(\"[ -]\")
w = sys.stdout.write
for line in sys.stdin:
    r = json.loads(line)
    r.pop(\"card_details__cvv\", None)
    c = r.get(\"card_details__card_number\")
    if isinstance(c, str):
        c = sep.sub(\"\", c)
        r[\"card_details__card_number\"] = \"*\" * (len(c) - 4) + c[-4:]
    w(json.dumps(r, ensure_ascii=False, separators=(\",\", \":\")) + \"\\n\")
'"
fi
