# ndjson-join: --prefer left, right, nonnull for shared non-key fields
. "$TOP/tests/lib.sh"
cd "$T"
printf '{"k":"a","x":"L","y":null,"z":"l"}\n' >l
printf '{"z":"r","k":"A","y":"R","x":null,"w":1}\n' >r
run 0 $NDJSON_JOIN -k k -f l r
echo '{"k":"a","x":"L","y":null,"z":"l","w":1}' >want
same "$T/out" want
run 0 $NDJSON_JOIN -k k -f --prefer left l r
same "$T/out" want
run 0 $NDJSON_JOIN -k k -f --prefer right l r
echo '{"k":"a","x":null,"y":"R","z":"r","w":1}' >want
same "$T/out" want
run 0 $NDJSON_JOIN -k k -f --prefer nonnull l r
echo '{"k":"a","x":"L","y":"R","z":"l","w":1}' >want
same "$T/out" want
# Right-only records (full join) carry the left key names.
printf '{"ref":"q","x":1}\n' >r2
run 0 $NDJSON_JOIN -t right --left-key k --right-key ref l r2
echo '{"k":"q","x":1}' >want
same "$T/out" want
