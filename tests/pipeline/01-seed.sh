# pipeline: scripts/etl.sh on ../shared/seed-data, checked against the seed facts
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
[ -f "$SEED/customers.csv" ] || skip "no seed data"
cd "$T"
PANS=$T/pans
pans "$SEED/customers_billing.xml" >"$PANS"
run 0 $ETL --data "$SEED" --out res --keep keep
has "$T/out" '^  sales records +1000$'
has "$T/out" '^  marketing records +1000$'
has "$T/out" '^  billing records +1000$'
# Seed README: 6 duplicated name keys on each side; 3 of them differ.
has "$T/out" '^  join marketing +matched 994, sales unmatched 6, marketing unmatched 9$'
has "$T/out" 'sales 6, marketing 6, ambiguous 3, empty keys 0$'
has "$T/out" '^  join billing +matched 1000, sales unmatched 0, billing unmatched 0$'
has "$T/out" '^  cards masked +326 \(CVV dropped: 326\)$'
has "$T/out" '^  rows loaded +1000 '
has "$T/out" '^    join.billing +[0-9.]+  \([0-9.]+ to [0-9.]+\)$'
# Stages in pipeline order, the joins overlapping the extractions.
[ "$(sed -n 's/^    \([a-z.]*\)  .*/\1/p' "$T/out" | tr '\n' ' ')" = \
    "sales.extract sales.clean marketing.extract marketing.clean billing.extract billing.clean billing.mask join.marketing join.billing load " ] ||
    fail "stage order"
has "$T/out" '^  total wall time'
[ "$(sqlite3 res/customers.db 'select count(*), count(distinct customer_id) from customers_transformed')" = "1000|1000" ] ||
    fail "rows or ids"
# Every business has its subscription; the Enterprise pair is there.
[ "$(sqlite3 res/customers.db "select count(*) from customers_transformed where customer_type = 'Business' and subscription_type is null")" = 0 ] ||
    fail "a business lost its subscription"
[ "$(sqlite3 res/customers.db "select count(*) from customers_transformed where subscription_type = 'Enterprise'")" = 2 ] ||
    fail "enterprise"
# No CVV column; cards masked to the last four.
sqlite3 res/customers.db 'pragma table_info(customers_transformed)' >cols
hasnt cols cvv
[ "$(sqlite3 res/customers.db "select count(*) from customers_transformed where length(replace(card_details__card_number, '*', '')) != 4 or card_details__card_number not like '*%'")" = 0 ] ||
    fail "unmasked card"
# Unmatched records are reported next to the results.
[ "$(wc -l <res/join.marketing.unmatched.ndjson)" -eq 15 ] || fail "unmatched report"
# --keep: every stage named by stage; billing only from the mask stage on.
for s in sales.extract sales.clean marketing.extract marketing.clean \
    billing.mask join.marketing join.billing; do
	[ -s "keep/$s.ndjson" ] || fail "keep/$s.ndjson missing"
done
[ ! -e keep/billing.extract.ndjson ] && [ ! -e keep/billing.clean.ndjson ] ||
    fail "raw billing kept"
# A user can rerun one stage by hand on the kept files.
$TOOLDIR/ndjson-join -k first_name,last_name,company_name,phone_number --fold \
    --dups none --id customer_id \
    --id-from customer_type,first_name,last_name,company_name,email,phone_number,dob \
    keep/join.marketing.ndjson keep/billing.mask.ndjson >again
same again keep/join.billing.ndjson
# No full card number anywhere: outputs, kept stages, reports, messages.
no_pan res keep "$T/out" "$T/err"
# The same run without --keep gives the same table, and leaves no
# temporary files behind.
mkdir tmp
TMPDIR=$T/tmp run 0 $ETL --data "$SEED" --out res2 --quiet
empty "$T/out"
[ -z "$(ls tmp)" ] || fail "temporary files left: $(ls tmp)"
table res/customers.db >a
table res2/customers.db >b
same a b
# Rerunning gives the same ids (and table).
run 0 $ETL --data "$SEED" --out res2 --quiet
table res2/customers.db >c
same a c
# Without --keep the stages overlap: the billing join starts (to build its
# table) before billing is masked.  The table is the same.
run 0 $ETL --data "$SEED" --out res2
awk '$1 == "billing.mask" { gsub(/[()]/, ""); e = $5 }
     $1 == "join.billing" { gsub(/[()]/, ""); s = $3 }
     END { exit !(s != "" && s < e) }' "$T/out" || fail "no overlap"
table res/customers.db >keep.table
table res2/customers.db >stream.table
same keep.table stream.table
