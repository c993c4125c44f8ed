# interruptions: dropped connection mid-chunk, short persistence, lost final answer, token expiry
. "$TOP/tests/lib.sh"
. "$TOP/tests/bq-load/fake.sh"
fake_start "{\"service_accounts\": {\"$SA_EMAIL\": \"$T/sa.pub\"}, \"faults\": [
 {\"kind\": \"upload_chunk\", \"n\": 2, \"do\": \"drop_mid\"},
 {\"kind\": \"upload_chunk\", \"n\": 3, \"do\": \"persist_less\"},
 {\"kind\": \"upload_chunk\", \"n\": 4, \"do\": \"expire_tokens\"},
 {\"kind\": \"upload_final\", \"n\": 1, \"do\": \"lose_response\"}]}"
sa_key "$EP/token"
gen_rows 10000 "$T/in.ndjson"
size=$(wc -c <"$T/in.ndjson")
run 0 bq --credentials "$T/sa.json" --endpoint "$EP" --schema "$SCHEMA" \
    --chunk-size 512K test-project.ds.t "$T/in.ndjson"
has "$T/out" '"rows":10000,"bytes":'"$size"','
empty "$T/err"
# chunk request 2 is cut halfway: the server keeps the 256 KiB-aligned part it got
# and the client resumes from the offset the server reports (libcurl may
# resend the chunk itself on a fresh connection; the server then takes the
# overlap); request 3 is persisted only in part (308 with a shorter Range);
# request 4 meets an expired token (401: one new token, then a status query);
# the answer to the final chunk is lost and a status query returns the job.
$PYS - "$T/fake/log.ndjson" "$size" <<'PY' || fail "upload sequence: $(cat "$T/fake/log.ndjson")"
import json, sys
log = sorted((json.loads(l) for l in open(sys.argv[1])), key=lambda e: e["seq"])
size = int(sys.argv[2])
up = [e for e in log if e["kind"].startswith("upload_") or e["kind"] == "token"]
known = 0          # what the server last told the client it holds
seen = {"drop": 0, "short": 0, "auth": 0, "lost": 0}
prev = None
for e in up:
    k, st, cr = e["kind"], e["status"], e.get("content_range") or ""
    if k in ("upload_chunk", "upload_final"):
        a, b = map(int, cr[6:].split("/")[0].split("-"))
        assert a == known, ("chunk does not start at the server offset", e, known)
        if st == 308:
            n = int(e["range"].split("-")[1]) + 1
            if n < b + 1:
                seen["short"] += 1
            known = n
        elif st == "dropped":
            seen["lost" if k == "upload_final" else "drop"] += 1
        elif st == 401:
            seen["auth"] += 1
    elif k == "upload_status":
        if st == 308:
            known = int(e["range"].split("-")[1]) + 1
        else:
            assert st == 200 and prev["status"] == "dropped" and cr == "bytes */%d" % size, e
    elif k == "token" and seen["auth"]:
        assert prev["status"] == 401, ("token refreshed without a 401", e)
    if k != "token":
        prev = e
assert all(v == 1 for v in seen.values()), seen
assert sum(1 for e in log if e["kind"] == "token") == 2
PY
[ "$(log_count '.job_created')" = 1 ] || fail "jobs created != 1"
[ "$(tabledata t | jq -r .totalRows)" = 10000 ] || fail "rows"
tabledata t "maxResults=10000" | jq -r '.rows[].f[1].v' >"$T/names"
jq -r .name "$T/in.ndjson" >"$T/want"
same "$T/names" "$T/want"
