# HTTPS: accepted with the test CA (--ca-bundle), refused without it
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
pki
fake_start "{\"service_accounts\": {\"$SA_EMAIL\": \"$T/sa.pub\"}}"
sa_key "$EPS/token"
run 0 bq --credentials "$T/sa.json" --endpoint "$EPS" --ca-bundle "$T/pki/ca.pem" \
    --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/out" '"rows":3,'
empty "$T/err"
# The session URI the fake handed out is https too, and the token came
# over TLS from the key's token_uri.
[ "$(log_count '.kind == "upload_final" and .status == 200')" = 1 ] || fail "upload"
[ "$(log_count '.kind == "token" and .status == 200')" = 1 ] || fail "token"
# Without the CA the same server is refused before any request is made.
: >"$T/fake/log.ndjson"
run 1 bq --credentials "$T/sa.json" --endpoint "$EPS" --schema "$SCHEMA" \
    test-project.ds.t "$ROWS"
has "$T/err" 'certificate'
empty "$T/fake/log.ndjson"
# Also through the access-token path (no token endpoint involved).
printf 'x\n' >"$T/tok"
chmod 600 "$T/tok"
run 1 bq --access-token-file "$T/tok" --endpoint "$EPS" --schema "$SCHEMA" \
    test-project.ds.t "$ROWS"
has "$T/err" '^bq-load: datasets.get: .*certificate'
hasnt "$T/err" 'giving up'
empty "$T/fake/log.ndjson"
# A CA bundle that does not exist is an error too, not a silent fallback.
run 1 bq --access-token-file "$T/tok" --endpoint "$EPS" --ca-bundle "$T/none.pem" \
    --schema "$SCHEMA" test-project.ds.t "$ROWS"
empty "$T/fake/log.ndjson"
