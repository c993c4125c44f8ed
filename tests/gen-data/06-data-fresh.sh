# gen-data: data/ is exactly `gen-data --customers 1000 --seed 1`, so the
# committed sample never drifts from the generator, and it is no copy of
# the seed data
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
gen --customers 1000 --seed 1 --out "$T/g"
for f in customers.csv customers_subscriptions.json customers_billing.xml; do
	[ -f "$DATA/$f" ] || fail "data/$f missing"
	same "$DATA/$f" "$T/g/$f"
	if [ -f "$SEED/$f" ]; then
		! cmp -s "$DATA/$f" "$SEED/$f" || fail "data/$f is the seed file"
	fi
done
