# csv2ndjson: --max-record (alias --max-line) caps a record that never
# ends; records bigger than a read block are fine under the cap
. "$TOP/tests/lib.sh"
cd "$T"
$PY -c '
import sys
sys.stdout.write("a,b\n1,2\n3,\"" + "x" * 5000 + "\n" * 3000 + "\n")' >open.csv
run 1 $CSV2NDJSON --max-record 4K open.csv
printf '{"a":"1","b":"2"}\n' >want
same out want
[ "$(cat err)" = "csv2ndjson: open.csv:3: record longer than 4096 bytes" ] ||
    fail "stderr: $(cat err)"
run 1 $CSV2NDJSON --max-line=4k open.csv
has err 'open.csv:3: record longer than 4096 bytes'
# The cap ends that file only.
printf 'c\n5\n' >next.csv
run 1 $CSV2NDJSON --max-record 4K --rejects rej open.csv next.csv
printf '{"a":"1","b":"2"}\n{"c":"5"}\n' >want
same out want
# Default cap 64 MiB: a 1.2 MB field spanning read blocks is fine.
$PY -c '
import sys
sys.stdout.write("a,b\n\"" + "y\n" * 600000 + "\",2\n")' >big.csv
run 0 $CSV2NDJSON --source s big.csv
$PY - out <<'PY'
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert len(r) == 1 and r[0]["a"] == "y\n" * 600000, len(r)
assert r[0]["b"] == "2" and r[0]["s"] == "big.csv:2"
PY
run 1 $CSV2NDJSON --max-record 1M big.csv
has err '^csv2ndjson: big.csv:2: record longer than 1048576 bytes$'
# A complete record on one line is capped too; shorter ones pass.
printf 'a,b\n1,2\n%05000d,3\n4,5\n' 0 >long.csv
run 1 $CSV2NDJSON --max-record 4K long.csv
printf '{"a":"1","b":"2"}\n' >want
same out want
has err '^csv2ndjson: long.csv:3: record longer than 4096 bytes$'
run 0 $CSV2NDJSON --max-record 5008 long.csv
[ "$(wc -l <out)" -eq 3 ] || fail "want 3 records under the cap"
