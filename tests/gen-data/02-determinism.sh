# gen-data: same seed and N give byte-identical files, whatever the hash seed
# and the python3 (the one on PATH and $PY); another seed gives other files
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
PYTHONHASHSEED=1 "$GEN" --customers 700 --seed 7 --out "$T/a"
PYTHONHASHSEED=2 $PY "$GEN" --customers 700 --seed 7 --out "$T/b"
PYTHONHASHSEED=random $PY "$GEN" --seed 7 --customers 700 --out "$T/c"
gen --customers 700 --seed 8 --out "$T/d"
for f in customers.csv customers_subscriptions.json customers_billing.xml; do
	same "$T/a/$f" "$T/b/$f"
	same "$T/a/$f" "$T/c/$f"
	! cmp -s "$T/a/$f" "$T/d/$f" || fail "$f: seed 8 same as seed 7"
done
# the default seed is 1 and the default count 1000
(cd "$T" && gen --out e && gen --seed 1 --customers 1000 --out f)
for f in customers.csv customers_subscriptions.json customers_billing.xml; do
	same "$T/e/$f" "$T/f/$f"
done
