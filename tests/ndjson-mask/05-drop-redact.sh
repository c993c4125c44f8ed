# ndjson-mask --drop, --redact, all rules together, -u, stats hand-computed
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
cat >"$T/in" <<'IN'
{"first_name":"Gerald","card_details__card_number":"36526463788614","card_details__expiry_date":"05/24","card_details__cvv":"513","email":"g@example.com"}
{"first_name":"Hugh","card_details__card_number":null,"card_details__expiry_date":null,"card_details__cvv":null,"email":null}
{"first_name":"Rita","card_details__card_number":"3518 4262 1738 0829","card_details__cvv":706,"note":"call 4111-1111-1111-1111"}

{"first_name":"Ann","card_details__cvv":{"x":[1]},"card_details__expiry_date":[1,2],"card_details__card_number":"unknown"}
   
{"card_details__cvv":"1","card_details__cvv":"2"}
IN
cat >"$T/want" <<'OUT'
{"first_name":"Gerald","card_details__card_number":"**********8614","card_details__expiry_date":null,"email":"g@example.com"}
{"first_name":"Hugh","card_details__card_number":null,"card_details__expiry_date":null,"email":null}
{"first_name":"Rita","card_details__card_number":"************0829","note":"call ************1111"}
{"first_name":"Ann","card_details__expiry_date":null,"card_details__card_number":null}
{}
OUT
run 0 $M --card card_details__card_number --drop card_details__cvv \
    --redact card_details__expiry_date --scan -u --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
# Blank lines are not records.  dropped: 1+1+1+1+2 = 6; redacted: the
# expiry date where present (3); cards: 2 masked, 1 invalid; scan: 1.
echo '{"tool":"ndjson-mask","records_in":5,"records_out":5,"rejected":0,"cards_masked":2,"scan_masked":1,"dropped":6,"redacted":3,"hashed":0,"invalid_cards":1}' >"$T/wantstats"
same "$T/stats" "$T/wantstats"

# --unbuffered: each record is out before the next is read
mkfifo "$T/fifo"
( echo '{"a":1,"b":2}'; sleep 0.2; echo '{"a":3,"b":4}' ) >"$T/fifo" &
$M --drop b -u "$T/fifo" >"$T/out" 2>"$T/err"
wait
printf '{"a":1}\n{"a":3}\n' >"$T/want2"
same "$T/out" "$T/want2"

# nothing asked: records are copied (compacted)
printf '{ "a" : 1 ,"b":[ 1, {"c" : "d e"} ] }\n{"x":"y"}\n' >"$T/ws"
run 0 $M "$T/ws"
printf '{"a":1,"b":[1,{"c":"d e"}]}\n{"x":"y"}\n' >"$T/want3"
same "$T/out" "$T/want3"
# drop and redact fields that are absent change nothing and count nothing
run 0 $M --drop zz --redact yy --stats "$T/stats" "$T/ws"
same "$T/out" "$T/want3"
has "$T/stats" '"dropped":0,"redacted":0,'
# drop everything
run 0 $M --drop a,b "$T/ws"
printf '{}\n{"x":"y"}\n' >"$T/want4"
same "$T/out" "$T/want4"
# dropping the first member keeps commas right
printf '{"a":1,"b":2,"c":3}\n' >"$T/abc"
run 0 $M --drop a "$T/abc"
has "$T/out" '^\{"b":2,"c":3\}$'
run 0 $M --drop b "$T/abc"
has "$T/out" '^\{"a":1,"c":3\}$'
run 0 $M --drop c --redact a "$T/abc"
has "$T/out" '^\{"a":null,"b":2\}$'
# field names of 64 bytes and more
long=$(printf 'f%.0s' $(seq 70))
printf '{"%s":1,"%sx":2,"b":3}\n' "$long" "$long" >"$T/long"
run 0 $M --redact "$long" --drop b "$T/long"
has "$T/out" "^\{\"$long\":null,\"${long}x\":2\}\$"
