# csv2ndjson: --ragged error (default), pad and truncate
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b,c\n1,2,3,4\n5\n6,7\n8,9,10\n' >r.csv
run 1 $CSV2NDJSON r.csv
printf '{"a":"8","b":"9","c":"10"}\n' >want
same out want
cat >want <<'X'
csv2ndjson: r.csv:2: ragged row: 4 fields, expected 3
csv2ndjson: r.csv:3: ragged row: 1 field, expected 3
csv2ndjson: r.csv:4: ragged row: 2 fields, expected 3
X
same err want
run 1 $CSV2NDJSON --ragged error r.csv
same err want
run 1 $CSV2NDJSON --ragged pad r.csv
cat >want <<'X'
{"a":"5","b":"","c":""}
{"a":"6","b":"7","c":""}
{"a":"8","b":"9","c":"10"}
X
same out want
[ "$(cat err)" = "csv2ndjson: r.csv:2: ragged row: 4 fields, expected 3" ] ||
    fail "pad: $(cat err)"
run 0 $CSV2NDJSON --ragged=truncate r.csv
cat >want <<'X'
{"a":"1","b":"2","c":"3"}
{"a":"5","b":"","c":""}
{"a":"6","b":"7","c":""}
{"a":"8","b":"9","c":"10"}
X
same out want
empty err
# A ragged row with a bad byte is still judged as ragged first.
run 0 $CSV2NDJSON --ragged pad --rejects rej r.csv
printf '{"file":"r.csv","line":2,"error":"ragged row: 4 fields, expected 3","record":"1,2,3,4"}\n' >want
same rej want
