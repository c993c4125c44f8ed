# ndjson-mask --hash: HMAC-SHA256 equals openssl dgst -hmac; key file, environment, permissions
. "$TOP/tests/lib.sh"
command -v openssl >/dev/null || skip "no openssl command"
M=$NDJSON_MASK
unset NDJSON_MASK_KEY || true
# the oracle: openssl dgst over the decoded value's UTF-8 bytes
hmac() {	# key text
	printf '%s' "$2" | openssl dgst -sha256 -hmac "$1" | sed 's/.*= //'
}
printf 's3cret-k3y\n' >"$T/key"	# one trailing newline is not part of the key
chmod 600 "$T/key"
cat >"$T/in" <<'IN'
{"email":"jane@example.com","phone":"+441914960841","x":1}
{"email":"caf\u00e9 \"q\"","phone":null,"x":2}
{"email":"","phone":441914960841,"x":3}
{"email":"café \"q\"","phone":{"a": [1, 2]},"x":4}
{"x":5}
IN
run 0 $M --hash email,phone --key-file "$T/key" --stats "$T/stats" "$T/in"
empty "$T/err"
{
	echo "{\"email\":\"$(hmac s3cret-k3y jane@example.com)\",\"phone\":\"$(hmac s3cret-k3y +441914960841)\",\"x\":1}"
	echo "{\"email\":\"$(hmac s3cret-k3y 'café "q"')\",\"phone\":null,\"x\":2}"
	echo "{\"email\":\"$(hmac s3cret-k3y '')\",\"phone\":\"$(hmac s3cret-k3y 441914960841)\",\"x\":3}"
	echo "{\"email\":\"$(hmac s3cret-k3y 'café "q"')\",\"phone\":\"$(hmac s3cret-k3y '{"a":[1,2]}')\",\"x\":4}"
	echo '{"x":5}'
} >"$T/want"
same "$T/out" "$T/want"
# a known answer too (RFC 4231 test case 2: key "Jefe")
printf 'Jefe' >"$T/jefe"
chmod 600 "$T/jefe"
echo '{"v":"what do ya want for nothing?"}' >"$T/rfc"
run 0 $M --hash v --key-file "$T/jefe" "$T/rfc"
has "$T/out" '^\{"v":"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"\}$'
# 7 values hashed: 4 emails, 3 non-null phones
has "$T/stats" '"hashed":7,"invalid_cards":0\}$'
# the key never appears anywhere
hasnt "$T/out" 's3cret'
hasnt "$T/stats" 's3cret'

# the same key from the environment gives the same pseudonyms
NDJSON_MASK_KEY=s3cret-k3y run 0 $M --hash email,phone "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
# --key-file wins over the environment
NDJSON_MASK_KEY=other run 0 $M --hash email,phone --key-file "$T/key" "$T/in"
same "$T/out" "$T/want"
# another key, other pseudonyms
NDJSON_MASK_KEY=other run 0 $M --hash email "$T/in"
has "$T/out" "^\{\"email\":\"$(hmac other jane@example.com)\""
# CRLF after the key is not part of it either
printf 's3cret-k3y\r\n' >"$T/key2"
chmod 600 "$T/key2"
run 0 $M --hash email,phone --key-file "$T/key2" "$T/in"
same "$T/out" "$T/want"

# a key file others can read: warn (without the key), still hash
chmod 644 "$T/key"
run 0 $M --hash email,phone --key-file "$T/key" "$T/in"
has "$T/err" "^ndjson-mask: $T/key: key file is readable by group or others"
hasnt "$T/err" 's3cret'
same "$T/out" "$T/want"
chmod 640 "$T/key"
run 0 $M --hash email --key-file "$T/key" "$T/in"
has "$T/err" 'readable by group'
