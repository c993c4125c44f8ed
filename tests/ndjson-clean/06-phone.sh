# ndjson-clean: --phone: written forms to E.164, invalid to null, counted
. "$TOP/tests/lib.sh"
# input value, expected output value (JSON)
cat >"$T/cases" <<'CASES'
"+44(0)1914960841"	"+441914960841"
"0191 496 0841"	"+441914960841"
"(0191) 496-0841"	"+441914960841"
"0191.496.0841"	"+441914960841"
"+44 (0) 191 496 0841"	"+441914960841"
"0044 191 496 0841"	"+441914960841"
"44 191 496 0841"	"+441914960841"
"tel:+44-191-496-0841"	"+441914960841"
"0191 496 0841 ext. 123"	"+441914960841"
"0191 496 0841 x123"	"+441914960841"
"0191 496 0841 #123"	"+441914960841"
"\u00a007700 900123\u00a0"	"+447700900123"
"01632 960 001"	"+441632960001"
"029 2018514"	"+44292018514"
"+1 650 253 0000"	"+16502530000"
"+33 (0)1 23 45 67 89"	"+33123456789"
7700900123	"+447700900123"
"496 0841"	null
"0191 496 084A"	null
"01914960841234"	null
"n/a"	null
true	null
[1]	null
""	null
null	null
CASES
cut -f1 "$T/cases" | sed 's/^/{"id":1,"Phone":/; s/$/}/' >"$T/in"
cut -f2 "$T/cases" | sed 's/^/{"id":1,"phone":/; s/$/}/' >"$T/want"
run 0 $NDJSON_CLEAN --phone phone --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
# 25 seen; 17 cleaned (all changed), 6 invalid, 1 empty, 1 null
$PY - "$T/stats" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["fields"]["phone"] == {"seen": 25, "changed": 24, "nulled": 7,
    "invalid": 6, "rejected": 0}, s["fields"]["phone"]
assert s["fields"]["id"] == {"seen": 25, "changed": 0, "nulled": 0,
    "invalid": 0, "rejected": 0}, s["fields"]["id"]
PY
# a field not listed is left alone (only trimmed)
run 0 $NDJSON_CLEAN "$T/in"
has "$T/out" '"phone":"0191 496 0841"'
# an E.164 value in E.164 already is not "changed"
echo '{"p":"+441914960841"}' >"$T/e164"
run 0 $NDJSON_CLEAN --phone p --stats "$T/stats" "$T/e164"
has "$T/stats" '"p":\{"seen":1,"changed":0,"nulled":0,"invalid":0,"rejected":0\}'
