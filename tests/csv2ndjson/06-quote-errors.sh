# csv2ndjson: misplaced quotes reject the record through the end of its
# line, reported at the line where the record starts
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b\n1,x"y\n2,"ok"\n"3"z,w\n"multi\nline","q"r\n4,5\n' >q.csv
run 1 $CSV2NDJSON --source s q.csv
cat >want <<'X'
{"a":"2","b":"ok","s":"q.csv:3"}
{"a":"4","b":"5","s":"q.csv:7"}
X
same out want
cat >want <<'X'
csv2ndjson: q.csv:2: quote in unquoted field
csv2ndjson: q.csv:4: unexpected character after closing quote
csv2ndjson: q.csv:5: quoted field not closed properly (error on line 6)
csv2ndjson: q.csv:6: quote in unquoted field
X
same err want
# Spaces are data (RFC 4180): one after a closing quote is an error too.
printf 'a,b\n"x" ,y\n' >sp.csv
run 1 $CSV2NDJSON sp.csv
empty out
has err '^csv2ndjson: sp.csv:2: unexpected character after closing quote$'
run 0 $CSV2NDJSON --rejects rej q.csv
empty err
$PY - rej <<'PY'
import json, sys
got = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = [
    {"file": "q.csv", "line": 2, "error": "quote in unquoted field",
     "record": '1,x"y'},
    {"file": "q.csv", "line": 4,
     "error": "unexpected character after closing quote",
     "record": '"3"z,w'},
    {"file": "q.csv", "line": 5,
     "error": "quoted field not closed properly (error on line 6)",
     "record": '"multi'},
    {"file": "q.csv", "line": 6, "error": "quote in unquoted field",
     "record": 'line","q"r'},
]
assert got == want, got
PY
