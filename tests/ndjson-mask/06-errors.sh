# ndjson-mask: bad records (file:line:col, never quoted), --rejects, missing files, write errors
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
printf '%s\n' '{"c":"4111111111111111","n":1}' \
    '{"c":"5458515901550239" "cvv":"513"}' \
    '["4111111111111111"]' \
    '{"c":"4111111111111111","n":2}' \
    '{"c":"30569309025904",' \
    '"just a string 378282246310005"' \
    '{"c":"4111111111111111","n":3}  {"x":1}' >"$T/in"
printf '{"c":"\377 4111111111111111","cvv":"876"}\n{"n":4}\n' >>"$T/in"

# without --rejects: report file:line:col, skip, go on, exit 1
run 1 $M --card c --stats "$T/stats" "$T/in"
cat >"$T/want" <<'OUT'
{"c":"************1111","n":1}
{"c":"************1111","n":2}
{"n":4}
OUT
same "$T/out" "$T/want"
cat >"$T/wanterr" <<ERR
ndjson-mask: $T/in:2:25: invalid JSON: expected ',' or '}' in object
ndjson-mask: $T/in:3:1: record is not a JSON object
ndjson-mask: $T/in:5:23: invalid JSON: unexpected end of input
ndjson-mask: $T/in:6:1: record is not a JSON object
ndjson-mask: $T/in:7:33: invalid JSON: trailing characters after value
ndjson-mask: $T/in:8:7: invalid JSON: invalid UTF-8 in string
ERR
same "$T/err" "$T/wanterr"
has "$T/stats" '"records_in":9,"records_out":3,"rejected":6,"cards_masked":2,'

# with --rejects: exit 0, every digit of a rejected record masked
run 0 $M --card c --rejects "$T/rej" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
cat >"$T/wantrej" <<'REJ'
{"file":"FILE","line":2,"error":"column 25: invalid JSON: expected ',' or '}' in object","record":"{\"c\":\"****************\" \"cvv\":\"***\"}"}
{"file":"FILE","line":3,"error":"column 1: record is not a JSON object","record":"[\"****************\"]"}
{"file":"FILE","line":5,"error":"column 23: invalid JSON: unexpected end of input","record":"{\"c\":\"**************\","}
{"file":"FILE","line":6,"error":"column 1: record is not a JSON object","record":"\"just a string ***************\""}
{"file":"FILE","line":7,"error":"column 33: invalid JSON: trailing characters after value","record":"{\"c\":\"****************\",\"n\":*}  {\"x\":*}"}
{"file":"FILE","line":8,"error":"column 7: invalid JSON: invalid UTF-8 in string","record":"{\"c\":\"� ****************\",\"cvv\":\"***\"}"}
REJ
sed "s|FILE|$T/in|" "$T/wantrej" >"$T/wantrej2"
same "$T/rej" "$T/wantrej2"
[ "$(stat -c %a "$T/rej")" = 600 ] || fail "rejects file mode is not 600"

# standard input, by default and as "-", is called <stdin>
run 1 $M --card c <"$T/in"
has "$T/err" '^ndjson-mask: <stdin>:2:25: '
run 1 $M --card c - <"$T/in"
has "$T/err" '^ndjson-mask: <stdin>:3:1: '

# a missing file: warn, process the others, exit 1
echo '{"c":"4111111111111111"}' >"$T/ok"
run 1 $M --card c "$T/missing" "$T/ok" "$T/missing2" "$T/ok"
has "$T/err" "^ndjson-mask: $T/missing: cannot open"
has "$T/err" "^ndjson-mask: $T/missing2: cannot open"
[ "$(grep -c '^{"c":"\*\{12\}1111"}$' "$T/out")" -eq 2 ] || fail "other files not processed"

# output errors
run 1 sh -c "$M --card c '$T/ok' >/dev/full"
has "$T/err" 'write error'
run 1 $M --card c --rejects /dev/full "$T/in"
has "$T/err" 'write error'
run 1 $M --stats /dev/full "$T/ok"
has "$T/err" 'write error'
# rejects or stats that cannot be created: exit 1 before reading anything
run 1 $M --rejects "$T/no/such/dir/rej" "$T/ok"
empty "$T/out"
has "$T/err" 'cannot create'
run 1 $M --stats "$T/no/such/dir/stats" "$T/ok"
empty "$T/out"
has "$T/err" 'cannot create'
# a directory as input: read error, exit 1
run 1 $M "$T"
has "$T/err" "^ndjson-mask: $T: "
