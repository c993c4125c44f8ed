# csv2ndjson: physical line numbers across CRLF, embedded line breaks,
# blank lines and lone CRs
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b\r\n\r\n1,"x\r\ny"\r\n\n2,"p\nq\nr"\n3,4\r\n\r\n' >l.csv
run 0 $CSV2NDJSON --source=where l.csv
cat >want <<'X'
{"a":"1","b":"x\r\ny","where":"l.csv:3"}
{"a":"2","b":"p\nq\nr","where":"l.csv:6"}
{"a":"3","b":"4","where":"l.csv:9"}
X
same out want
# A lone CR ends a record (as in libcsv) but not a line: lines count '\n'.
printf 'a,b\n1,2\r3,4\n5,"6\r7"\n' >cr.csv
run 0 $CSV2NDJSON --source at cr.csv
cat >want <<'X'
{"a":"1","b":"2","at":"cr.csv:2"}
{"a":"3","b":"4","at":"cr.csv:2"}
{"a":"5","b":"6\r7","at":"cr.csv:3"}
X
same out want
# Errors after multi-line records still name the right line.
printf 'a,b\n"1\n\n\n",2\n3\n4,5\n' >m.csv
run 1 $CSV2NDJSON m.csv
[ "$(cat err)" = "csv2ndjson: m.csv:6: ragged row: 1 field, expected 2" ] ||
    fail "stderr: $(cat err)"
