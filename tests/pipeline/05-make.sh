# pipeline: the make targets (scripts/pipeline.mk) equal scripts/etl.sh, rebuild only what changed
. "$TOP/tests/lib.sh"
. "$TOP/tests/pipeline/common.sh"
[ -f "$SEED/customers.csv" ] || skip "no seed data"
command -v make >/dev/null || skip "no make"
cd "$T"
mkdir in
cp "$SEED"/customers* in/
chmod u+w in/*
MK="make -C $TOP --no-print-directory SAN=${SAN:-} BIN=$TOOLDIR PIPE_DATA=$T/in PIPE_OUT=$T/mk"
run 0 $MK -j3 pipeline
has "$T/out" '^  rows loaded +1000 '
for s in sales.extract sales.clean marketing.extract marketing.clean \
    billing.mask join.marketing join.billing; do
	[ -s "mk/$s.ndjson" ] || fail "mk/$s.ndjson missing"
done
run 0 $ETL --data in --out sh --quiet
# Byte-identical tables.
sqlite3 mk/customers.db .dump >a
sqlite3 sh/customers.db .dump >b
same a b
# Nothing to do the second time.
run 0 $MK -n pipeline
hasnt "$T/out" 'etl.sh .*--stage'
# A change to the marketing export rebuilds only what depends on it.
touch in/customers_subscriptions.json
run 0 $MK -n pipeline
for s in marketing.extract marketing.clean join.marketing join.billing load; do
	has "$T/out" "--stage $s\$"
done
for s in sales.extract sales.clean billing.mask; do
	hasnt "$T/out" "--stage $s\$"
done
# A failing stage leaves no output for make to trust, and the table.
table mk/customers.db >before
printf '[{"a":' >in/customers_subscriptions.json
run 2 $MK pipeline
has "$T/err" 'stage marketing.extract failed'
[ ! -e mk/marketing.extract.ndjson.tmp ] || fail "partial output left"
table mk/customers.db >after
same before after
