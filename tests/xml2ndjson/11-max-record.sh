# xml2ndjson: --max-record skips big records (warn or --rejects)
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
$PY - "$T/in.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<r>\n<c><v>small</v></c>\n")
    f.write("<c>\n<v>" + "x" * 5000 + "</v></c>\n")
    f.write("<c>" + "<e/>" * 2000 + "</c>\n")
    f.write("<c><v>after</v></c>\n</r>\n")
PY
printf '{"v":"small"}\n{"v":"after"}\n' >"$T/want"
run 1 $XML2NDJSON -m 4K -r c "$T/in.xml"
same "$T/out" "$T/want"
has "$T/err" '^xml2ndjson: .*/in\.xml:3: record larger than 4096 bytes$'
has "$T/err" '^xml2ndjson: .*/in\.xml:5: record larger than 4096 bytes$'
[ "$(wc -l <"$T/err")" -eq 2 ] || fail "want two warnings"
# With --rejects the run succeeds and the rejects file says where.
run 0 $XML2NDJSON --max-record=4K --rejects "$T/rej" -r c "$T/in.xml"
same "$T/out" "$T/want"
empty "$T/err"
$PY - "$T/rej" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["line"] for r in rows] == [3, 5], rows
assert all(r["file"].endswith("in.xml") for r in rows), rows
assert all(r["error"] == "record larger than 4096 bytes" for r in rows), rows
assert all(r["record"] == "" for r in rows), rows
PY
# The default (64M) takes them all.
run 0 $XML2NDJSON -r c "$T/in.xml"
[ "$(wc -l <"$T/out")" -eq 4 ] || fail "want 4 records"
# Well-formedness errors are fatal even with --rejects.
printf '<r><c>1</c><c>2</d></r>' >"$T/bad.xml"
run 1 $XML2NDJSON --rejects "$T/rej" -r c "$T/bad.xml"
err1 'bad\.xml:1:[0-9]+: opening and ending tag mismatch'
echo '{"#text":"1"}' >"$T/want"
same "$T/out" "$T/want"
empty "$T/rej"
# An unwritable rejects file is an error before any output.
run 1 $XML2NDJSON --rejects "$T/no/such/dir" -r c "$T/in.xml"
empty "$T/out"
