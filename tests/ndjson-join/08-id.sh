# ndjson-join: --id is stable, unique, independent of other records
. "$TOP/tests/lib.sh"
cd "$T"
cat >a <<'E'
{"fn":"Zoe","ln":"Edwards","email":"zoe@example.com","x":1}
{"fn":"Sam","ln":"Lee","email":null,"x":2}
{"fn":null,"ln":null,"co":"Acme","x":3}
E
# The rule: SipHash-2-4 under the key "ndjson-etl id v1" of the folded
# --id-from values joined by NUL (null and missing as empty), low 53 bits.
cat >oracle.py <<'E'
import json, re, sys
def rotl(x, b): return ((x << b) | (x >> (64 - b))) & 0xffffffffffffffff
def sip(k, m):
    k0 = int.from_bytes(k[:8], 'little'); k1 = int.from_bytes(k[8:], 'little')
    v = [k0 ^ 0x736f6d6570736575, k1 ^ 0x646f72616e646f6d,
         k0 ^ 0x6c7967656e657261, k1 ^ 0x7465646279746573]
    def rnd():
        v[0] = (v[0] + v[1]) & 0xffffffffffffffff; v[1] = rotl(v[1], 13) ^ v[0]; v[0] = rotl(v[0], 32)
        v[2] = (v[2] + v[3]) & 0xffffffffffffffff; v[3] = rotl(v[3], 16) ^ v[2]
        v[0] = (v[0] + v[3]) & 0xffffffffffffffff; v[3] = rotl(v[3], 21) ^ v[0]
        v[2] = (v[2] + v[1]) & 0xffffffffffffffff; v[1] = rotl(v[1], 17) ^ v[2]; v[2] = rotl(v[2], 32)
    b = m + b'\0' * (7 - len(m) % 8) + bytes([len(m) & 0xff])
    for i in range(0, len(b), 8):
        w = int.from_bytes(b[i:i + 8], 'little')
        v[3] ^= w; rnd(); rnd(); v[0] ^= w
    v[2] ^= 0xff
    for _ in range(4): rnd()
    return v[0] ^ v[1] ^ v[2] ^ v[3]
def fold(s):
    s = re.sub(r'[ \t\n\v\f\r\u00a0]+', ' ', s).strip(' ')
    return ''.join(c.lower() if 'A' <= c <= 'Z' else c for c in s)
fields = sys.argv[1].split(',')
for line in sys.stdin:
    r = json.loads(line)
    parts = [fold(r[f]) if isinstance(r.get(f), str) else '' for f in fields]
    i = sip(b'ndjson-etl id v1', '\0'.join(parts).encode()) & ((1 << 53) - 1)
    print(i or 1)
E
run 0 $NDJSON_JOIN --id id --id-from fn,ln,co,email a
cut -d, -f1 "$T/out" | sed 's/.*://' >got
$PY oracle.py fn,ln,co,email <a >want
same got want
has "$T/out" '^\{"id":[0-9]+,"fn":"Zoe","ln":"Edwards","email":"zoe@example.com","x":1\}$'
cp "$T/out" base
# Reordered, with others added and removed: the same ids for the same people.
{ echo '{"fn":"New","ln":"Person","email":"n@example.com","x":9}'; sed -n 3p a; sed -n 1p a; } >b
run 0 $NDJSON_JOIN --id id --id-from fn,ln,co,email b
grep -F '"fn":"Zoe"' base >z1
grep -F '"fn":"Zoe"' "$T/out" >z2
same z1 z2
grep -F '"co":"Acme"' base >c1
grep -F '"co":"Acme"' "$T/out" >c2
same c1 c2
# Folding: case and spacing of the identity do not change the id.
printf '{"fn":" ZOE ","ln":"edwards","email":"ZOE@example.com","x":1}\n' >c
run 0 $NDJSON_JOIN --id id --id-from fn,ln,co,email c
[ "$(cut -d, -f1 "$T/out")" = "$(cut -d, -f1 z1)" ] || fail "fold"
# An existing field of that name is replaced, not repeated.
run 0 sh -c "$NDJSON_JOIN --id id --id-from fn,ln,co,email base"
same "$T/out" base
# Ids are JSON numbers below 2^53.
$PY -c '
import json, sys
for l in open(sys.argv[1]):
    i = json.loads(l)["id"]
    assert isinstance(i, int) and 0 < i < 2**53, i
' base
# A byte-identical repeat is dropped and counted; a different record with
# the same identity is an error naming both lines.
{ cat a; sed -n 1p a; } >d
run 0 $NDJSON_JOIN --id id --id-from fn,ln --unmatched u --stats st d
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "dup dropped"
# ...leaving nothing of itself in the output, in the middle of it too.
{ cat a; sed -n 1p a; echo '{"fn":"Last","x":6}'; } >d2
run 0 $NDJSON_JOIN --id id --id-from fn,ln d2
$PY -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["x"] for r in recs] == [1, 2, 3, 6], recs
' "$T/out" || fail "dropped duplicate left bytes behind"
has st '"duplicate_records_dropped":1'
has u '^\{"side":"left","reason":"duplicate record","file":"d","line":4,'
{ cat a; echo '{"fn":"zoe","ln":"Edwards","email":"other@example.com","x":5}'; } >e
run 1 $NDJSON_JOIN --id id --id-from fn,ln e
has "$T/err" '^ndjson-join: e:4: duplicate id [0-9]+: same --id-from values as e:1$'
# A hash collision (forced with --id-bits 1) names both records.
run 1 $NDJSON_JOIN --id id --id-from fn,ln,co,email --id-bits 1 a
has "$T/err" '^ndjson-join: a:[23]: id [01] collides with a:[12] \(different --id-from values\)$'
# Thousands of ids, alone and in a join with a one-record right side: the
# id table regrows and still finds the repeat of the first record.
$PY -c '
for i in range(5000):
    print("{\"fn\":\"P%d\",\"ln\":\"L\"}" % i)
print("{\"fn\":\"P0\",\"ln\":\"L\"}")' >many
printf '{"fn":"P1","z":1}\n' >one
for right in "" one; do
	run 0 $NDJSON_JOIN ${right:+-k fn} --id id --id-from fn,ln --stats st \
	    many $right
	[ "$(grep -c . "$T/out")" -eq 5000 ] || fail "many $right"
	has st '"duplicate_records_dropped":1'
	[ "$(cut -d, -f1 "$T/out" | sort -u | wc -l)" -eq 5000 ] ||
	    fail "many $right: ids not unique"
done
has "$T/out" '^\{"id":[0-9]+,"fn":"P1","ln":"L","z":1\}$'
