# resumable upload: 256 KiB-multiple chunks, "*" totals, 308 + Range, exact boundary, stdin
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_tok
gen_rows 4000 "$T/big.ndjson"
size=$(wc -c <"$T/big.ndjson")
cat "$T/big.ndjson" | run 0 bq --access-token-file "$T/token" --endpoint "$EP" \
    --schema "$SCHEMA" --chunk-size 256K test-project.ds.big -
has "$T/out" '"rows":4000,"bytes":'"$size"','
# Every chunk but the last is 262144 bytes with an unknown total, and each
# starts where the server's previous Range ended.
jq -s -r 'sort_by(.seq)[] | select(.kind == "upload_chunk" or .kind == "upload_final") | [.content_range, .range // "-", .status] | @tsv' \
    "$T/fake/log.ndjson" >"$T/chunks"
$PYS - "$T/chunks" "$size" <<'PY' || fail "chunk sequence: $(cat "$T/chunks")"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
size, nxt = int(sys.argv[2]), 0
for i, (cr, rng, st) in enumerate(rows):
    span, total = cr[len("bytes "):].split("/")
    a, b = map(int, span.split("-"))
    assert a == nxt, (cr, nxt)
    if i < len(rows) - 1:
        assert total == "*" and b - a + 1 == 262144 and st == "308", cr
        assert rng == "bytes=0-%d" % b, rng
    else:
        assert total == str(size) and b == size - 1 and st == "200", cr
    nxt = b + 1
assert len(rows) == (size + 262143) // 262144
PY
# --progress (stderr not a terminal): a final line with bytes and rows.
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --progress test-project.ds.big2 "$T/big.ndjson"
has "$T/err" "^bq-load: $(echo "$size" | awk '{ printf "%.1f", $1 / 1e6 }') MB, 4000 rows sent, [0-9.]+ MB/s$"
# Read back page by page: every id once, in order.
tabledata big "maxResults=1500" >"$T/p1"
tok=$(jq -r .pageToken "$T/p1")
tabledata big "maxResults=1500&pageToken=$tok" >"$T/p2"
tok=$(jq -r .pageToken "$T/p2")
tabledata big "maxResults=1500&pageToken=$tok" >"$T/p3"
jq -e 'has("pageToken") | not' "$T/p3" >/dev/null || fail "last page has a token"
cat "$T/p1" "$T/p2" "$T/p3" | jq -r '.rows[].f[0].v' >"$T/ids"
seq 0 3999 >"$T/want"
same "$T/ids" "$T/want"
# Input ending exactly on a chunk boundary: the data goes up as full
# chunks and an empty PUT "bytes */TOTAL" finishes the upload.
$PYS - >"$T/exact.ndjson" <<'PY'
line = '{"id": 1, "name": "%s"}\n'
pad = 262144 * 2 - 2 * len(line % "")
print((line % ("x" * (pad // 2))) + (line % ("y" * (pad - pad // 2))), end="")
PY
[ "$(wc -c <"$T/exact.ndjson")" = 524288 ] || fail "exact input is not 512 KiB"
: >"$T/fake/log.ndjson"
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --chunk-size 256K test-project.ds.exact "$T/exact.ndjson"
has "$T/out" '"rows":2,"bytes":524288,'
jq -s -r 'sort_by(.seq)[] | select(.kind == "upload_chunk" or .kind == "upload_status") | .content_range' \
    "$T/fake/log.ndjson" >"$T/crs"
printf 'bytes 0-262143/*\nbytes 262144-524287/*\nbytes */524288\n' >"$T/want"
same "$T/crs" "$T/want"
# Empty input: one empty final PUT, a job with no rows.
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    test-project.ds.empty - </dev/null
has "$T/out" '"rows":0,"bytes":0,'
# Raw mode (--no-validate): a last line without '\n' and a line longer
# than a chunk go up whole; the fake sees the same rows.
$PYS -c 'import json
print(json.dumps({"id": 1, "name": "x" * 600000}))
print(json.dumps({"id": 2, "name": "y"}), end="")' >"$T/raw.ndjson"
run 0 bq --access-token-file "$T/token" --endpoint "$EP" --schema "$SCHEMA" \
    --no-validate --chunk-size 256K test-project.ds.raw - <"$T/raw.ndjson"
has "$T/out" '"rows":2,"bytes":'"$(($(wc -c <"$T/raw.ndjson") + 1))"','
tabledata raw | jq -r '.rows[] | .f[0].v + " " + (.f[1].v | length | tostring)' >"$T/got"
printf '1 600000\n2 1\n' >"$T/want"
same "$T/got" "$T/want"
