# csv2ndjson: several files concatenate, each with its own header; a
# missing file is reported and the others still converted (exit 1)
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b\n1,2\n' >one.csv
printf 'c\n3\n4' >two.csv
run 1 $CSV2NDJSON one.csv missing.csv two.csv
cat >want <<'X'
{"a":"1","b":"2"}
{"c":"3"}
{"c":"4"}
X
same out want
[ "$(cat err)" = "csv2ndjson: missing.csv: cannot open: No such file or directory" ] ||
    fail "stderr: $(cat err)"
# "-" is standard input, called <stdin>.
run 0 sh -c "$CSV2NDJSON --source s one.csv - two.csv <one.csv"
cat >want <<'X'
{"a":"1","b":"2","s":"one.csv:2"}
{"a":"1","b":"2","s":"<stdin>:2"}
{"c":"3","s":"two.csv:2"}
{"c":"4","s":"two.csv:3"}
X
same out want
run 0 sh -c "$CSV2NDJSON <two.csv"
printf '{"c":"3"}\n{"c":"4"}\n' >want
same out want
# A directory cannot be read.
run 1 $CSV2NDJSON . one.csv
has err '^csv2ndjson: \.: read error'
has out '"a":"1"'
