# csv2ndjson: the real sales export, checked against Python's csv module
. "$TOP/tests/lib.sh"
csv=$SEED/customers.csv
[ -f "$csv" ] || skip "no $csv"
run 0 $CSV2NDJSON --source src "$csv"
empty "$T/err"
[ "$(wc -l <"$T/out")" -eq 1000 ] || fail "want 1000 records"
has "$T/out" '"company_name":"Bryan, Smith and Clark"'
$PY - "$csv" "$T/out" <<'PY'
import csv, json, sys
path, out = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(out, encoding="utf-8") as f:
    got = [json.loads(l) for l in f]
assert len(rows) == len(got) == 1000, (len(rows), len(got))
for i, (r, g) in enumerate(zip(rows, got)):
    # No record spans lines here: record i starts on line i + 2.
    r["src"] = "%s:%d" % (path, i + 2)
    assert list(g) == list(r), (i, list(g))
    assert g == r, (i, g, r)
commas = sum(1 for r in rows if "," in r["company_name"])
assert commas > 0
PY
