# credential sources in ADC order; no secret in any output; key file permissions
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_start "{\"service_accounts\": {\"$SA_EMAIL\": \"$T/sa.pub\"},
 \"authorized_users\": [{\"client_id\": \"cid-123.apps\", \"client_secret\": \"csecret-XYZZY-42\",
   \"refresh_token\": \"1//refresh-PLUGH-99\"}],
 \"static_tokens\": [\"tok-file-ABCDEF\", \"tok-env-GHIJKL\", \"tok-gcloud-MNOPQR\"],
 \"metadata_token\": true}"
sa_key "$EP/token"
L="--endpoint $EP --schema $SCHEMA"
# last_grant: how the last token was obtained, from the fake's log.
last_grant() { jq -r 'select(.kind == "token" or .kind == "metadata") | .grant // .kind' \
    "$T/fake/log.ndjson" | tail -n 1; }
: >"$T/all"
# 1. --credentials: a service-account key; the fake checks the RS256
# signature against the public key, iss, scope, aud and iat/exp.
run 0 bq $L --credentials "$T/sa.json" test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
[ "$(last_grant)" = urn:ietf:params:oauth:grant-type:jwt-bearer ] || fail "no JWT grant"
[ "$(log_count '.kind == "token" and .iss == "'"$SA_EMAIL"'" and .status == 200')" = 1 ] || fail "jwt not accepted"
empty "$T/err"
# The project comes from the key when the operand has none.
run 0 bq $L --credentials "$T/sa.json" ds.t "$ROWS"
has "$T/out" '"table":"test-project:ds.t"'
# 2. GOOGLE_APPLICATION_CREDENTIALS
GOOGLE_APPLICATION_CREDENTIALS=$T/sa.json run 0 bq $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
[ "$(last_grant)" = urn:ietf:params:oauth:grant-type:jwt-bearer ] || fail "GAC"
# Set but unreadable is an error, not a fall-through.
GOOGLE_APPLICATION_CREDENTIALS=$T/nope.json run 2 bq $L test-project.ds.t "$ROWS"
has "$T/err" 'nope.json: cannot open'
# A key signed by another key is refused by the token endpoint: exit 1.
cp "$T/sa.json" "$T/sa-good.json"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$T/other.pem" 2>/dev/null
$PYS -c 'import json, sys
d = json.load(open(sys.argv[1])); d["private_key"] = open(sys.argv[2]).read()
json.dump(d, open(sys.argv[1], "w"))' "$T/sa.json" "$T/other.pem"
run 1 bq $L --credentials "$T/sa.json" test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
has "$T/err" "service account $SA_EMAIL \\(key $T/sa.json\\): token request to $EP/token failed: HTTP 400: invalid_grant: Invalid JWT Signature."
cp "$T/sa-good.json" "$T/sa.json"
# 3. authorized_user (refresh-token grant at the file's token_uri), from
# the gcloud well-known file under $CLOUDSDK_CONFIG, then under $HOME.
mkdir -p "$T/gcloud" "$HOME/.config/gcloud"
printf '{"type": "authorized_user", "client_id": "cid-123.apps", "client_secret": "csecret-XYZZY-42", "refresh_token": "1//refresh-PLUGH-99", "token_uri": "%s/token", "quota_project_id": "billing-proj"}\n' \
    "$EP" >"$T/gcloud/application_default_credentials.json"
chmod 600 "$T/gcloud/application_default_credentials.json"
CLOUDSDK_CONFIG=$T/gcloud run 0 bq $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
[ "$(last_grant)" = refresh_token ] || fail "CLOUDSDK_CONFIG ADC"
cp "$T/gcloud/application_default_credentials.json" "$HOME/.config/gcloud/"
run 0 bq $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
[ "$(last_grant)" = refresh_token ] || fail "HOME ADC"
# --credentials takes the same file kind directly; a wrong secret fails.
sed 's/csecret-XYZZY-42/wrong/' "$T/gcloud/application_default_credentials.json" >"$T/au.json"
chmod 600 "$T/au.json"
run 1 bq $L --credentials "$T/au.json" test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
has "$T/err" 'authorized user \(file .*au.json\): token request .* HTTP 400: invalid_grant'
rm -rf "$HOME/.config"
# 4. an access token: BQ_LOAD_ACCESS_TOKEN, CLOUDSDK_AUTH_ACCESS_TOKEN, --access-token-file
BQ_LOAD_ACCESS_TOKEN=tok-env-GHIJKL run 0 bq $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
CLOUDSDK_AUTH_ACCESS_TOKEN=tok-gcloud-MNOPQR run 0 bq $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
printf 'tok-file-ABCDEF\n' >"$T/tokfile"
chmod 600 "$T/tokfile"
run 0 bq $L --access-token-file "$T/tokfile" test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
# A rejected static token cannot be refreshed: exit 1, said so.
printf 'tok-expired-000\n' >"$T/tokfile"
run 1 bq $L --access-token-file "$T/tokfile" test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
has "$T/err" "the access token in $T/tokfile was rejected \\(expired\\?\\)"
# 5. the metadata server (GCE_METADATA_HOST), with Metadata-Flavor: Google.
n=$(log_count '.kind == "metadata" and .status == 200')
GCE_METADATA_HOST=127.0.0.1:$(cat "$T/fake/port") run 0 bq $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
[ "$(log_count '.kind == "metadata" and .status == 200')" = $((n + 1)) ] || fail "metadata"
# Nothing at all: the metadata server cannot be reached.
GCE_METADATA_HOST=127.0.0.1:1 run 1 $BQ_LOAD --retry-initial 1 $L test-project.ds.t "$ROWS"
has "$T/err" 'metadata server 127.0.0.1:1: cannot get an access token'
# 6. BIGQUERY_EMULATOR_HOST (no scheme): no Authorization at all.
admin /admin/config '{"anonymous": true}' >/dev/null
mv "$T/fake/log.ndjson" "$T/log1.ndjson"
: >"$T/fake/log.ndjson"
BIGQUERY_EMULATOR_HOST=127.0.0.1:$(cat "$T/fake/port") run 0 bq --schema "$SCHEMA" test-project.ds.t "$ROWS"
has "$T/out" '"rows":3'
[ "$(log_count 'has("auth")')" = 0 ] || fail "emulator run sent a token"
# Key files readable by others get a warning; 0600 files do not.
chmod 644 "$T/sa.json"
run 0 bq $L --credentials "$T/sa.json" test-project.ds.t "$ROWS"
has "$T/err" "^bq-load: $T/sa.json: warning: credential file is readable by group or others"
chmod 600 "$T/sa.json"
run 0 bq $L --credentials "$T/sa.json" test-project.ds.t "$ROWS"
empty "$T/err"
# A short-lived token is refreshed before it expires, without a 401.
admin /admin/config '{"anonymous": false, "token_lifetime": 1}' >/dev/null
mv "$T/fake/log.ndjson" "$T/log2.ndjson"
: >"$T/fake/log.ndjson"
run 0 bq --credentials "$T/sa.json" $L test-project.ds.t "$ROWS"
cat "$T/out" "$T/err" >>"$T/all"
[ "$(log_count '.kind == "token" and .status == 200')" -ge 2 ] || fail "no refresh"
[ "$(log_count '.status == 401')" = 0 ] || fail "a 401 happened"
# No secret in any output: key material, client secret, refresh token,
# issued tokens, static tokens, JWT signatures.
grep -v -- '-----' "$T/sa.pem" | head -3 >"$T/secrets"
printf 'csecret-XYZZY-42\nrefresh-PLUGH-99\ntok-file-ABCDEF\ntok-env-GHIJKL\ntok-gcloud-MNOPQR\ntok-expired-000\nPRIVATE KEY\n' >>"$T/secrets"
jq -r '.issued // empty, .assertion_sig // empty' "$T/log1.ndjson" "$T/log2.ndjson" "$T/fake/log.ndjson" >>"$T/secrets"
[ "$(wc -l <"$T/secrets")" -ge 20 ] || fail "secret list: $(wc -l <"$T/secrets")"
! grep -F -f "$T/secrets" "$T/all" || fail "a secret leaked"
