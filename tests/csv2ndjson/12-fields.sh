# csv2ndjson: --fields names the columns of header-less files;
# --no-header numbers them; each file keeps its own width
. "$TOP/tests/lib.sh"
cd "$T"
printf '1,2\n3,4\n' >a.csv
printf '5,6,7\n' >b.csv
run 0 $CSV2NDJSON --fields 'x,y' a.csv
printf '{"x":"1","y":"2"}\n{"x":"3","y":"4"}\n' >want
same out want
# --fields also makes the other files header-less, with the same keys.
run 1 $CSV2NDJSON --fields x --fields y a.csv b.csv
same out want
has err '^csv2ndjson: b.csv:1: ragged row: 3 fields, expected 2$'
run 0 $CSV2NDJSON --fields x,y --ragged truncate --no-header a.csv b.csv
printf '{"x":"1","y":"2"}\n{"x":"3","y":"4"}\n{"x":"5","y":"6"}\n' >want
same out want
# Keys that need escaping.
run 0 $CSV2NDJSON --fields 'q"uote,back\slash' a.csv
head -n 1 out >first
printf '{"q\\"uote":"1","back\\\\slash":"2"}\n' >want
same first want
run 0 $CSV2NDJSON --no-header a.csv b.csv
cat >want <<'X'
{"1":"1","2":"2"}
{"1":"3","2":"4"}
{"1":"5","2":"6","3":"7"}
X
same out want
# --no-header: the first record of each file sets the width.
printf '1,2\n3\n4,5,6\n' >c.csv
run 1 $CSV2NDJSON --no-header c.csv
printf '{"1":"1","2":"2"}\n' >want
same out want
has err '^csv2ndjson: c.csv:2: ragged row: 1 field, expected 2$'
has err '^csv2ndjson: c.csv:3: ragged row: 3 fields, expected 2$'
run 0 $CSV2NDJSON --no-header --ragged truncate --source f c.csv
cat >want <<'X'
{"1":"1","2":"2","f":"c.csv:1"}
{"1":"3","2":"","f":"c.csv:2"}
{"1":"4","2":"5","f":"c.csv:3"}
X
same out want
