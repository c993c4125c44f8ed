# ndjson-join: the output of one join is the left input of the next
. "$TOP/tests/lib.sh"
cd "$T"
cat >sales <<'E'
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":null,"ph":"+441914960841"}
{"t":"Business","fn":null,"ln":null,"co":"Acme","ph":"+441164960325"}
{"t":"Individual","fn":"Sam","ln":"Lee","co":null,"ph":null}
E
cat >mkt <<'E'
{"t":"Business","fn":null,"ln":null,"co":"ACME","sub":"Enterprise"}
{"t":"individual","fn":"zoe","ln":"edwards","co":null,"sub":"Premium"}
E
cat >bill <<'E'
{"fn":"Sam","ln":"Lee","co":null,"ph":null,"pay":"PayPal"}
{"fn":null,"ln":null,"co":"Acme","ph":"+441164960325","pay":"Direct Debit"}
{"fn":"Zoe","ln":"Edwards","co":null,"ph":"+440000000000","pay":"Credit Card"}
E
run 0 sh -c "$NDJSON_JOIN -k t,fn,ln,co -f sales mkt |
    $NDJSON_JOIN -k fn,ln,co,ph - bill"
cat >want <<'E'
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":null,"ph":"+441914960841","sub":"Premium"}
{"t":"Business","fn":null,"ln":null,"co":"Acme","ph":"+441164960325","sub":"Enterprise","pay":"Direct Debit"}
{"t":"Individual","fn":"Sam","ln":"Lee","co":null,"ph":null,"pay":"PayPal"}
E
same "$T/out" want
# Three-way with ids at the end, from stdin in the middle.
run 0 sh -c "$NDJSON_JOIN -k t,fn,ln,co -f sales mkt |
    $NDJSON_JOIN -k fn,ln,co,ph --id cid --id-from t,fn,ln,co - bill"
has "$T/out" '^\{"cid":[1-9][0-9]*,"t":"Individual","fn":"Zoe"'
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "chain with ids"
