# json2ndjson: a 200 MB array streams in bounded memory (peak RSS under 50 MB)
. "$TOP/tests/lib.sh"
[ -n "${SAN:-}" ] && skip "memory bound not checked under sanitizers"
[ -x /usr/bin/time ] || skip "no /usr/bin/time"
# 200 chunks of 1 MB of pretty-printed objects, far over --max-record 1M.
cat >"$T/gen.py" <<'PY'
import json, sys
rec = {"customer_type": "Individual", "first_name": "Thomas",
       "last_name": "Hussain", "company_name": "", "n": 12345}
one = json.dumps(rec, indent=4) + ",\n"
per = (1 << 20) // len(one)
chunk = (one * per).encode()
out = sys.stdout.buffer
out.write(b"[\n")
for _ in range(200):
    out.write(chunk)
out.write(json.dumps(rec).encode() + b"]\n")
print(200 * per + 1, file=sys.stderr)
PY
$PY "$T/gen.py" 2>"$T/count" |
    /usr/bin/time -f %M -o "$T/rss" $JSON2NDJSON --max-record 1M |
    wc -l >"$T/lines"
[ "$(cat "$T/lines")" -eq "$(cat "$T/count")" ] ||
    fail "$(cat "$T/lines") lines, want $(cat "$T/count")"
rss=$(tail -n 1 "$T/rss")
[ "$rss" -lt 51200 ] || fail "peak RSS $rss KB"
echo "peak RSS ${rss} KB" >&2
