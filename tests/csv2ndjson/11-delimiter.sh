# csv2ndjson: -d/--delimiter, tab included
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a\tb c\n1\t"2\t3"\n,x\t y \n' >t.tsv
cat >want <<'X'
{"a":"1","b c":"2\t3"}
{"a":",x","b c":" y "}
X
for d in tab '\t' "$(printf '\t')"; do
	run 0 $CSV2NDJSON -d "$d" t.tsv
	same out want
done
run 0 $CSV2NDJSON --delimiter=tab t.tsv
same out want
printf 'a;b\n"1;2";3\n' >s.csv
run 0 $CSV2NDJSON -d';' s.csv
printf '{"a":"1;2","b":"3"}\n' >want
same out want
run 0 $CSV2NDJSON --delimiter semicolon s.csv
same out want
printf 'a|b\n1|2\n' >p.csv
run 0 $CSV2NDJSON -d pipe p.csv
printf '{"a":"1","b":"2"}\n' >want
same out want
# The default delimiter is a comma: a tab file is one column.
printf 'a\tb\n1\t2\n' >plain.tsv
run 0 $CSV2NDJSON plain.tsv
printf '{"a\\tb":"1\\t2"}\n' >want
same out want
