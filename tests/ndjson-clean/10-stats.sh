# ndjson-clean: --stats counts checked against hand-computed values
. "$TOP/tests/lib.sh"
printf '%s\n' \
 '{"Name":" Ann ","Phone":"0191 496 0841","Tags":[]}' \
 '{"Name":"Bob","Phone":"+441914960841"}' \
 'not json' \
 '{"Name":"","Phone":"12"}' \
 '{"Name":"A","name":"B"}' \
 '' \
 '[1,2]' \
 '{"Addr":{"City":" X "},"Phone":null}' >"$T/in"
run 0 $NDJSON_CLEAN --phone phone --rejects "$T/rej" --stats "$T/stats" "$T/in"
[ "$(wc -l <"$T/out")" -eq 4 ] || fail "want 4 records"
$PY - "$T/stats" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
assert text.count("\n") == 1 and text.endswith("}\n"), text
s = json.loads(text)
want = {
    "tool": "ndjson-clean", "records_in": 7, "records_out": 4, "rejected": 3,
    "fields": {
        "name": {"seen": 3, "changed": 2, "nulled": 1, "invalid": 0,
                 "rejected": 1},
        "phone": {"seen": 4, "changed": 2, "nulled": 1, "invalid": 1,
                  "rejected": 0},
        "tags": {"seen": 1, "changed": 0, "nulled": 0, "invalid": 0,
                 "rejected": 0},
        "addr__city": {"seen": 1, "changed": 1, "nulled": 0, "invalid": 0,
                       "rejected": 0},
    },
}
assert s == want, s
assert list(s) == ["tool", "records_in", "records_out", "rejected", "fields"]
assert list(s["fields"]) == ["name", "phone", "tags", "addr__city"]
PY
# an empty input gives zero counts
run 0 $NDJSON_CLEAN --stats "$T/stats" </dev/null
empty "$T/out"
echo '{"tool":"ndjson-clean","records_in":0,"records_out":0,"rejected":0,"fields":{}}' >"$T/want"
same "$T/stats" "$T/want"
# stats file that cannot be written: exit 1, output still complete
run 1 $NDJSON_CLEAN --stats "$T/no/such/stats" "$T/in"
has "$T/err" 'no/such/stats'
