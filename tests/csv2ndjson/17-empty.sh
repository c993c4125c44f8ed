# csv2ndjson: empty input, header only, blank lines, spaces, empty fields
. "$TOP/tests/lib.sh"
cd "$T"
: >empty.csv
run 0 $CSV2NDJSON empty.csv
empty out
empty err
run 0 $CSV2NDJSON </dev/null
empty out
printf 'a,b\n' >hdr.csv
run 0 $CSV2NDJSON hdr.csv
empty out
printf 'a,b' >hdr2.csv
run 0 $CSV2NDJSON hdr2.csv
empty out
printf '\n\n' >blank.csv
run 0 $CSV2NDJSON blank.csv
empty out
# Blank lines are not records, at the end or elsewhere.
printf 'a,b\n\n1,2\n\r\n\n' >b.csv
run 0 $CSV2NDJSON b.csv
printf '{"a":"1","b":"2"}\n' >want
same out want
# Spaces are kept (RFC 4180); empty and "" fields are "".
printf ' a , b ,c\n 1 ,"",\n' >s.csv
run 0 $CSV2NDJSON s.csv
printf '{" a ":" 1 "," b ":"","c":""}\n' >want
same out want
# Control characters and NUL bytes are escaped.
printf 'a,b\n"\001\010\014\037\\\\/",x\000y\n' >c.csv
run 0 $CSV2NDJSON c.csv
printf '{"a":"\\u0001\\b\\f\\u001f\\\\\\\\/","b":"x\\u0000y"}\n' >want
same out want
