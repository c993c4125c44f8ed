# fake.sh: sourced by the bq-load tests after lib.sh.  Starts the fake
# BigQuery server (tests/bq/fakebq.py) on 127.0.0.1, makes test keys and
# certificates with the openssl CLI, and reads the fake's request log.
#   pki                      test CA + server cert for 127.0.0.1 in $T/pki
#   sa_key                   RSA key + service-account file $T/sa.json
#   fake_start [CONFIG]      start the fake; sets $EP (http) ($EPS: https)
#   fake_log                 the request log (NDJSON) on stdout
#   log_count JQ-FILTER      number of log entries matching a jq select
#   bq ARGS...               bq-load with fast retry/poll settings
FAKEBQ=$TOP/tests/bq/fakebq.py
PYS=/usr/bin/python3
[ -x "$PYS" ] || skip "no /usr/bin/python3"
command -v openssl >/dev/null || skip "no openssl CLI"
command -v jq >/dev/null || skip "no jq"
command -v curl >/dev/null || skip "no curl CLI"
FAKE_PID=
trap '[ -n "${BQ_KEEP_LOG:-}" ] && cp "$T/fake/log.ndjson" "$BQ_KEEP_LOG"; [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null; rm -rf "$T"' \
    EXIT INT TERM
# No ambient credentials or endpoints from the caller's environment.
unset GOOGLE_APPLICATION_CREDENTIALS CLOUDSDK_CONFIG BQ_LOAD_ACCESS_TOKEN \
    CLOUDSDK_AUTH_ACCESS_TOKEN GCE_METADATA_HOST BIGQUERY_EMULATOR_HOST \
    GOOGLE_CLOUD_PROJECT GCLOUD_PROJECT 2>/dev/null || true
HOME=$T/home
export HOME
mkdir -p "$HOME"
SA_EMAIL=loader@test-project.iam.gserviceaccount.com

pki() {
	mkdir -p "$T/pki"
	(
	cd "$T/pki"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
	    -nodes -keyout ca.key -out ca.pem \
	    -subj /CN=fakebq-test-ca -days 2 \
	    -addext basicConstraints=critical,CA:TRUE \
	    -addext keyUsage=critical,keyCertSign,cRLSign
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
	    -nodes -keyout server.key \
	    -out server.csr -subj /CN=127.0.0.1
	printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >ext.cnf
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key \
	    -CAcreateserial -days 2 -extfile ext.cnf -out server.pem
	) >/dev/null 2>&1 || fail "cannot make test certificates"
}

# sa_key [TOKEN_URI]: $T/sa.pem (private), $T/sa.pub, $T/sa.json (0600).
sa_key() {
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
	    -out "$T/sa.pem" 2>/dev/null || fail "genpkey"
	openssl pkey -in "$T/sa.pem" -pubout -out "$T/sa.pub" 2>/dev/null
	$PYS - "$T/sa.pem" "$1" "$SA_EMAIL" >"$T/sa.json" <<'PY'
import json, sys
key = open(sys.argv[1]).read()
print(json.dumps({"type": "service_account", "project_id": "test-project",
    "private_key_id": "0123456789abcdef", "private_key": key,
    "client_email": sys.argv[3], "client_id": "1234567890",
    "auth_uri": "https://accounts.google.com/o/oauth2/auth",
    "token_uri": sys.argv[2]}, indent=1))
PY
	chmod 600 "$T/sa.json"
}

fake_start() {
	mkdir -p "$T/fake"
	printf '%s\n' "${1:-"{}"}" >"$T/fake/config.json"
	if [ -f "$T/pki/server.pem" ]; then
		$PYS "$FAKEBQ" --dir "$T/fake" --config "$T/fake/config.json" \
		    --idle 60 --tls "$T/pki/server.pem" "$T/pki/server.key" \
		    2>"$T/fake/stderr" &
	else
		$PYS "$FAKEBQ" --dir "$T/fake" --config "$T/fake/config.json" \
		    --idle 60 2>"$T/fake/stderr" &
	fi
	FAKE_PID=$!
	i=0
	while [ ! -f "$T/fake/port" ] ||
	    { [ -f "$T/pki/server.pem" ] && [ ! -f "$T/fake/tls-port" ]; }; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "fake did not start: $(cat "$T/fake/stderr")"
		kill -0 "$FAKE_PID" 2>/dev/null ||
		    fail "fake died: $(cat "$T/fake/stderr")"
		sleep 0.05
	done
	EP=http://127.0.0.1:$(cat "$T/fake/port")
	[ -f "$T/fake/tls-port" ] && EPS=https://127.0.0.1:$(cat "$T/fake/tls-port")
	: >>"$T/fake/log.ndjson"
}

fake_log() {
	cat "$T/fake/log.ndjson"
}

log_count() {
	jq -c "select($1)" "$T/fake/log.ndjson" | wc -l | tr -d ' '
}

# admin PATH [JSON]: GET (or POST JSON to) a path of the fake, with the
# token the fake always accepts.
admin() {
	if [ $# -gt 1 ]; then
		curl -sSf -H 'Content-Type: application/json' --data-binary "$2" "$EP$1"
	else
		curl -sSf -H 'Authorization: Bearer fakebq-admin' "$EP$1"
	fi
}

# tabledata TABLE [ARGS]: rows of test-project:ds.TABLE as NDJSON of f/v.
tabledata() {
	admin "/bigquery/v2/projects/test-project/datasets/ds/tables/$1/data?${2:-}"
}

bq() {
	$BQ_LOAD --retry-initial 10 --poll-interval 10 --no-progress "$@"
}

# fake_tok [EXTRA-CONFIG-MEMBERS]: start the fake accepting the static token
# in $T/token (an access-token file), with extra config members merged in.
fake_tok() {
	fake_start "{\"static_tokens\": [\"tok-static-0123456789\"]${1:+, $1}}"
	printf 'tok-static-0123456789\n' >"$T/token"
	chmod 600 "$T/token"
}

# gen_rows N FILE: N rows that match schema.json (about 120 bytes each).
gen_rows() {
	$PYS - "$1" >"$2" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"id": i, "name": "name-%06d" % i, "score": i / 4,
                      "active": i % 2 == 0, "dob": "1990-01-%02d" % (i % 28 + 1),
                      "seen": 1700000000 + i, "tags": ["t%d" % (i % 3)],
                      "addr": {"city": "city-%d" % (i % 10), "zip": i % 99999}}))
PY
}

SCHEMA=$TOP/tests/bq-load/schema.json
ROWS=$TOP/tests/bq-load/rows.ndjson
