# ndjson-clean: keys that normalise to one name: error (default) or suffix
. "$TOP/tests/lib.sh"
printf '%s\n' '{"FirstName":"a","first_name":"b","x":1}' '{"ok":1}' \
    '{"a":{"b":1},"a__b":2}' '{"k":1,"k":2}' >"$T/in"
run 1 $NDJSON_CLEAN "$T/in"
printf '%s\n' '{"ok":1}' >"$T/want"
same "$T/out" "$T/want"
has "$T/err" '^ndjson-clean: .*/in:1: keys "FirstName" and "first_name" both become "first_name"$'
has "$T/err" '^ndjson-clean: .*/in:3: keys "b" and "a__b" both become "a__b"$'
has "$T/err" '^ndjson-clean: .*/in:4: keys "k" and "k" both become "k"$'
[ "$(wc -l <"$T/err")" -eq 3 ] || fail "want 3 warnings"

# explicit --on-collision error is the same
run 1 $NDJSON_CLEAN --on-collision error "$T/in"
same "$T/out" "$T/want"

# with --rejects the records go there and the exit status is 0
run 0 $NDJSON_CLEAN --rejects "$T/rej" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
[ "$(wc -l <"$T/rej")" -eq 3 ] || fail "want 3 rejects"
$PY - "$T/rej" "$T/in" <<'PY'
import json, sys
rej = [json.loads(l) for l in open(sys.argv[1])]
src = open(sys.argv[2]).read().splitlines()
assert [r["line"] for r in rej] == [1, 3, 4], rej
for r in rej:
    assert r["record"] == src[r["line"] - 1], r
    assert "both become" in r["error"], r
PY

# suffix: _2, _3, ... in input order, skipping names already taken
printf '%s\n' '{"FirstName":"a","first_name":"b","first name":"c","x":1}' \
    '{"a":1,"A":2,"a_2":3}' >"$T/in2"
run 0 $NDJSON_CLEAN --on-collision suffix "$T/in2"
printf '%s\n' '{"first_name":"a","first_name_2":"b","first_name_3":"c","x":1}' \
    '{"a":1,"a_2":2,"a_2_2":3}' >"$T/want2"
same "$T/out" "$T/want2"
# a suffixed copy of a --phone field is cleaned as a phone number
printf '%s\n' '{"Phone":"0191 496 0841","phone":"(020) 7946 0018"}' >"$T/in3"
run 0 $NDJSON_CLEAN --on-collision suffix --phone phone "$T/in3"
printf '%s\n' '{"phone":"+441914960841","phone_2":"+442079460018"}' >"$T/want3"
same "$T/out" "$T/want3"
# a rename onto an existing name collides too
printf '%s\n' '{"a":1,"b":2}' >"$T/in4"
run 1 $NDJSON_CLEAN --rename a=b "$T/in4"
empty "$T/out"
has "$T/err" 'keys "a" and "b" both become "b"'
