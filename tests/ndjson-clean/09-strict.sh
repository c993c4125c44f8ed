# ndjson-clean: --strict rejects records with values that cannot be cleaned
. "$TOP/tests/lib.sh"
printf '%s\n' \
 '{"n":1,"phone":"0191 496 0841","dob":"1975-11-01","email":"a@b.co"}' \
 '{"n":2,"phone":"496 0841","dob":"1975-11-01","email":"a@b.co"}' \
 '{"n":3,"phone":"","dob":"2023-02-30","email":"a@b.co"}' \
 '{"n":4,"phone":null,"dob":"","email":"nope"}' \
 '{"n":5,"phone":"0191 496 0841","dob":"1 Nov 1975","email":"A@B.CO"}' \
 '{"n":6,"phone":true,"dob":null,"email":null}' >"$T/in"
# without --strict: nulls
run 0 $NDJSON_CLEAN --phone phone --date dob --email email "$T/in"
[ "$(wc -l <"$T/out")" -eq 6 ] || fail "want 6 records"
has "$T/out" '^\{"n":2,"phone":null,'
# --strict without --rejects: warn file:line, skip, exit 1
run 1 $NDJSON_CLEAN --strict --phone phone --date dob --email email "$T/in"
printf '%s\n' \
 '{"n":1,"phone":"+441914960841","dob":"1975-11-01","email":"a@b.co"}' \
 '{"n":5,"phone":"+441914960841","dob":"1975-11-01","email":"a@b.co"}' >"$T/want"
same "$T/out" "$T/want"
cat >"$T/werr" <<'ERR'
ndjson-clean: IN:2: phone: invalid phone number (no area code)
ndjson-clean: IN:3: dob: invalid date (impossible date)
ndjson-clean: IN:4: email: invalid e-mail address (no @)
ndjson-clean: IN:6: phone: invalid phone number (not a string)
ERR
sed "s|IN|$T/in|" "$T/werr" >"$T/werr2"
same "$T/err" "$T/werr2"
# --strict with --rejects: the records go there, exit 0
run 0 $NDJSON_CLEAN --strict --rejects "$T/rej" --stats "$T/stats" \
    --phone phone --date dob --email email "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
$PY - "$T/rej" "$T/in" "$T/stats" <<'PY'
import json, sys
rej = [json.loads(l) for l in open(sys.argv[1])]
src = open(sys.argv[2]).read().splitlines()
assert [r["line"] for r in rej] == [2, 3, 4, 6], rej
for r in rej:
    assert r["file"] == sys.argv[2]
    assert r["record"] == src[r["line"] - 1]
assert rej[0]["error"] == "phone: invalid phone number (no area code)", rej[0]
s = json.load(open(sys.argv[3]))
assert (s["records_in"], s["records_out"], s["rejected"]) == (6, 2, 4), s
f = s["fields"]
# counts cover the records written; "rejected" names the culprits
assert f["phone"] == {"seen": 2, "changed": 2, "nulled": 0, "invalid": 0,
                      "rejected": 2}, f["phone"]
assert f["dob"] == {"seen": 2, "changed": 1, "nulled": 0, "invalid": 0,
                    "rejected": 1}, f["dob"]
assert f["email"] == {"seen": 2, "changed": 1, "nulled": 0, "invalid": 0,
                      "rejected": 1}, f["email"]
assert f["n"]["seen"] == 2
PY
# rejects file cannot be created: exit 1 before any output
run 1 $NDJSON_CLEAN --strict --rejects "$T/no/such/dir/rej" --phone phone "$T/in"
empty "$T/out"
has "$T/err" 'no/such/dir/rej'
