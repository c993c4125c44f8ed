# json2ndjson: the man page is lint-clean and its EXAMPLES work
. "$TOP/tests/lib.sh"
command -v mandoc >/dev/null || skip "no mandoc"
mandoc -Tlint -Wwarning "$TOP/man/json2ndjson.1" >"$T/lint" 2>&1 ||
    fail "mandoc: $(cat "$T/lint")"
empty "$T/lint"
in=$DATA/customers_subscriptions.json
[ -f "$in" ] || in=$SEED/customers_subscriptions.json
cd "$T"
mkdir data
cp "$in" data/
export PATH="$TOOLDIR:$PATH"
json2ndjson data/customers_subscriptions.json | head -n 1 >"$T/ex1"
has "$T/ex1" '^\{"customer_type":"[A-Za-z]+","first_name":"'
json2ndjson -e '.[] | select(.subscription_type == "Premium")
    | {first_name, last_name}' data/customers_subscriptions.json >"$T/ex2"
n=$($PY -c 'import json,sys; print(sum(r["subscription_type"] == "Premium" for r in json.load(open(sys.argv[1]))))' "$in")
[ "$(wc -l <"$T/ex2")" -eq "$n" ] || fail "ex2: want $n lines"
has "$T/ex2" '^\{"first_name":"[^"]*","last_name":"[^"]*"\}$'
echo '{"data":{"customers":[{"id":1},{"id":2}]}}' |
    json2ndjson -e '.data.customers[]' >"$T/ex3"
printf '{"id":1}\n{"id":2}\n' >"$T/want"
same "$T/ex3" "$T/want"
printf '[{"id":1},2]' >export.json
json2ndjson --rejects rejected.ndjson export.json >customers.ndjson
printf '{"id":1}\n' >"$T/want"
same customers.ndjson "$T/want"
has rejected.ndjson '"record":"2"'
