# csv2ndjson: an unterminated quote is reported on the line where its
# record starts; the lines it swallowed are parsed again
. "$TOP/tests/lib.sh"
cd "$T"
# Open to the end of the file, on one line.
printf 'a,b\n1,2\n3,"x\n' >one.csv
run 1 $CSV2NDJSON one.csv
printf '{"a":"1","b":"2"}\n' >want
same out want
[ "$(cat err)" = "csv2ndjson: one.csv:3: unterminated quoted field" ] ||
    fail "stderr: $(cat err)"
# Open to the end over several lines: only line 3 is lost.
printf 'a,b\r\n1,2\r\n3,"x\r\n4,5\r\n6,7' >many.csv
run 1 $CSV2NDJSON --source at many.csv
cat >want <<'X'
{"a":"1","b":"2","at":"many.csv:2"}
{"a":"4","b":"5","at":"many.csv:4"}
{"a":"6","b":"7","at":"many.csv:5"}
X
same out want
[ "$(cat err)" = "csv2ndjson: many.csv:3: unterminated quoted field" ] ||
    fail "stderr: $(cat err)"
# Closed by a later quote in the wrong place: the error names both lines.
printf 'a,b\n3,"x\n4,5\n"6",7\n8,9\n' >late.csv
run 1 $CSV2NDJSON --source at late.csv
cat >want <<'X'
{"a":"4","b":"5","at":"late.csv:3"}
{"a":"6","b":"7","at":"late.csv:4"}
{"a":"8","b":"9","at":"late.csv:5"}
X
same out want
has err '^csv2ndjson: late.csv:2: quoted field not closed properly \(error on line 4\)$'
[ "$(wc -l <err)" -eq 1 ] || fail "one message expected: $(cat err)"
# Two stray quotes in a row, then good data.
printf 'a,b\n"1,2\n"3,4\n5,6\n' >two.csv
run 1 $CSV2NDJSON two.csv
printf '{"a":"5","b":"6"}\n' >want
same out want
has err '^csv2ndjson: two.csv:2: '
has err '^csv2ndjson: two.csv:3: unterminated quoted field$'
# With --rejects the raw lines go there and the exit status is 0.
run 0 $CSV2NDJSON --rejects rej many.csv
empty err
printf '{"file":"many.csv","line":3,"error":"unterminated quoted field","record":"3,\\"x"}\n' >want
same rej want
