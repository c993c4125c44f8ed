# ndjson-join: inner, left (the default), right and full joins
. "$TOP/tests/lib.sh"
cd "$T"
cat >l <<'E'
{"id":"1","a":"l1"}
{"id":"2","a":"l2"}
{"id":"4","a":"l4"}
E
cat >r <<'E'
{"id":"2","b":"r2"}
{"id":"3","b":"r3"}
{"id":"1","b":"r1"}
E
run 0 $NDJSON_JOIN -k id l r
cat >want <<'E'
{"id":"1","a":"l1","b":"r1"}
{"id":"2","a":"l2","b":"r2"}
{"id":"4","a":"l4"}
E
same "$T/out" want
run 0 $NDJSON_JOIN -k id --type left l r
same "$T/out" want
run 0 $NDJSON_JOIN -t inner -k id l r
head -2 want >want.inner
same "$T/out" want.inner
run 0 $NDJSON_JOIN -t right -k id l r
cat want.inner >want.right
echo '{"id":"3","b":"r3"}' >>want.right
same "$T/out" want.right
run 0 $NDJSON_JOIN -t full -k id --stats st l r
cat want >want.full
echo '{"id":"3","b":"r3"}' >>want.full
same "$T/out" want.full
echo '{"tool":"ndjson-join","records_in":6,"records_out":4,"rejected":0,"left":3,"right":3,"matched":2,"left_unmatched":1,"right_unmatched":1,"left_dup_keys":0,"right_dup_keys":0,"ambiguous_keys":0,"left_empty_keys":0,"right_empty_keys":0,"duplicate_records_dropped":0}' >want.st
same st want.st
# Different key names: the left names are kept, right key fields dropped.
sed 's/"id"/"ref"/' r >r2
run 0 $NDJSON_JOIN -t full --left-key id --right-key ref l r2
same "$T/out" want.full
# Empty inputs.
: >empty
run 0 $NDJSON_JOIN -t full -k id empty r
printf '{"id":"2","b":"r2"}\n{"id":"3","b":"r3"}\n{"id":"1","b":"r1"}\n' >want.e
same "$T/out" want.e
run 0 $NDJSON_JOIN -t full -k id l empty
same "$T/out" l
