# csv2ndjson: --rejects collects every bad record of every file and the
# run exits 0; an unwritable rejects file is an error
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b\n1,2,3\n4,5\n6,"7\n' >x.csv
printf 'c\n\377\n8\n' >y.csv
run 0 $CSV2NDJSON --rejects rej.ndjson x.csv y.csv
empty err
printf '{"a":"4","b":"5"}\n{"c":"8"}\n' >want
same out want
$PY - rej.ndjson <<'PY'
import json, sys
got = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = [
    {"file": "x.csv", "line": 2, "error": "ragged row: 3 fields, expected 2",
     "record": "1,2,3"},
    {"file": "x.csv", "line": 4, "error": "unterminated quoted field",
     "record": '6,"7'},
    {"file": "y.csv", "line": 2, "error": "invalid UTF-8 in field 1",
     "record": "\ufffd"},
]
assert got == want, got
PY
[ "$(stat -c %a rej.ndjson)" = 600 ] || fail "rejects file mode"
# Standard output as the rejects file.
run 0 $CSV2NDJSON --rejects - x.csv
has out '"error":"ragged row'
has out '^\{"a":"4","b":"5"\}$'
run 1 $CSV2NDJSON --rejects "$T/no/such/dir/rej" x.csv
empty out
has err "^csv2ndjson: $T/no/such/dir/rej: "
run 1 $CSV2NDJSON --rejects /dev/full x.csv
has err '^csv2ndjson: /dev/full: write error'
