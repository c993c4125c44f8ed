# command line: help, version, usage errors (exit 2, empty stdout), missing input
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
common_cli bq-load
run 0 $BQ_LOAD --help
has "$T/out" '--max-bad-records'
for args in "" "p.d.t a b" "p.bad-ds.t f" "--chunk-size 1000 p.d.t" \
    "--chunk-size 0 p.d.t" "--schema $SCHEMA --autodetect p.d.t" \
    "--credentials a --access-token-file b p.d.t" "--max-bad-records -1 p.d.t" \
    "--job-id bad/id p.d.t" "--endpoint ftp://x p.d.t" "--validate p.d.t" \
    "--project p --dataset d ds2.t" "--timeout 0 p.d.t"; do
	run 2 $BQ_LOAD $args
	empty "$T/out"
	has "$T/err" '^bq-load: '
done
# No project anywhere (no key, no env) is a configuration error.
printf 'tok\n' >"$T/tok"
chmod 600 "$T/tok"
run 2 $BQ_LOAD --access-token-file "$T/tok" ds.t "$ROWS"
has "$T/err" 'project id is needed'
# A bad schema file: exit 2 with the file named, nothing sent.
printf '[{"name": "a", "type": "NOPE"}]\n' >"$T/bad.json"
run 2 $BQ_LOAD --schema "$T/bad.json" p.d.t "$ROWS"
has "$T/err" "bad.json: field a: unknown type \"NOPE\""
printf '{"fields": [' >"$T/trunc.json"
run 2 $BQ_LOAD --schema "$T/trunc.json" p.d.t "$ROWS"
has "$T/err" 'trunc.json:1:13: invalid JSON schema'
run 2 $BQ_LOAD --schema "$T/nonexistent.json" p.d.t "$ROWS"
has "$T/err" 'nonexistent.json: '
# A missing input: exit 1 before any request.
fake_tok
run 1 bq --access-token-file "$T/token" --endpoint "$EP" p.ds.t "$T/missing.ndjson"
has "$T/err" "missing.ndjson: "
empty "$T/fake/log.ndjson"
# A full stdout after a successful load: exit 1.
set +e
bq --access-token-file "$T/token" --endpoint "$EP" test-project.ds.t "$ROWS" \
    --schema "$SCHEMA" >/dev/full 2>"$T/err"
st=$?
set -e
[ $st -eq 1 ] || fail "/dev/full: exit $st"
has "$T/err" 'write error'
