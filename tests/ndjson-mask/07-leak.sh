# ndjson-mask: no input PAN or CVV in stdout, stderr, rejects or stats (seed data + generated, malformed too)
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
[ -f "$SEED/customers_billing.xml" ] || skip "no seed data"
$PY "$TOP/tests/ndjson-mask/billing2ndjson.py" "$SEED/customers_billing.xml" \
    >"$T/seed.ndjson"
# Add generated billing records: Luhn-valid PANs of every length written
# every way (plain, grouped by spaces or dashes, JSON number, \u escapes),
# PANs in free text and nested values, and malformed records full of PANs
# and CVVs (truncated, not objects, invalid UTF-8).  The generator lists
# every PAN (digits only and as written) and every CVV in context.
$PY - "$T" <<'PY'
import json, random, sys
t = sys.argv[1]
rnd = random.Random(20240601)

def luhn_pan(n):
    d = [rnd.choice('3456')] + [str(rnd.randrange(10)) for _ in range(n - 2)]
    s = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2 == 0:
            v = v * 2 - 9 if v * 2 > 9 else v * 2
        s += v
    return ''.join(d) + str((10 - s % 10) % 10)

def grouped(p, sep):
    return sep.join(p[i:i + 4] for i in range(0, len(p), 4))

pans, written, cvvs = set(), set(), set()
seed = [json.loads(l) for l in open(t + '/seed.ndjson')]
for r in seed:
    if r.get('card_details__card_number'):
        pans.add(r['card_details__card_number'])
    if r.get('card_details__cvv'):
        cvvs.add(r['card_details__cvv'])
lines = [json.dumps(r, ensure_ascii=False, separators=(',', ':')) for r in seed]
for i in range(3000):
    n = rnd.randrange(12, 20)
    p = luhn_pan(n)
    cvv = str(rnd.randrange(100, 10000))
    pans.add(p)
    cvvs.add(cvv)
    how = i % 6
    if how == 0:
        card = p
    elif how == 1:
        card = grouped(p, ' ')
    elif how == 2:
        card = grouped(p, '-')
    elif how == 3:
        card = int(p)
    elif how == 4:
        card = p            # written with \u escapes below
    else:
        card = grouped(p, ' ')
    if isinstance(card, str):
        written.add(card)
    q = luhn_pan(rnd.randrange(13, 20))     # hidden in free text
    pans.add(q)
    qw = rnd.choice([q, grouped(q, ' '), grouped(q, '-')])
    written.add(qw)
    r = {'first_name': 'Gen%d' % i, 'last_name': 'Erated', 'company_name': None,
         'phone_number': '+44191496%04d' % rnd.randrange(10000),
         'payment_method': 'Credit Card',
         'billing_address__street': 'Flat %d\nnote: card %s' % (i, qw),
         'card_details__card_number': card,
         'card_details__expiry_date': '%02d/%02d' % (rnd.randrange(1, 13), rnd.randrange(20, 35)),
         'card_details__cvv': cvv if i % 7 else int(cvv)}
    if i % 11 == 0:
        r['extra'] = {'history': [{'pan': q}, 'old card ' + qw]}
    line = json.dumps(r, ensure_ascii=False, separators=(',', ':'))
    if how == 4:
        line = line.replace('"%s"' % p, '"' + ''.join('\\u%04x' % ord(c) for c in p) + '"')
    k = i % 50
    if k == 1:
        line = line[:len(line) // 2 + 5]                 # truncated
    elif k == 2:
        line = '[' + line + ']'                          # not an object
    elif k == 3:
        line = line.replace('Erated', 'Er\\xated')       # bad escape
    elif k == 4:
        line = line[:-1] + ',"x":"\udcff"}'              # invalid UTF-8 below
    elif k == 5:
        line = line.replace('"card_details__cvv":', '"card_details__cvv"')
    lines.append(line)
with open(t + '/in.ndjson', 'wb') as f:
    for l in lines:
        f.write(l.encode('utf-8', 'surrogateescape') + b'\n')
with open(t + '/pans', 'w') as f:
    for p in sorted(pans | written):
        f.write(p + '\n')
with open(t + '/cvvs', 'w') as f:
    for c in sorted(cvvs):
        # CVV in context: as a JSON member, and escaped inside a rejects record
        f.write('cvv":"%s"\ncvv":%s\ncvv\\":\\"%s\\"\ncvv\\":%s\n' % (c, c, c, c))
print(len(pans), len(written), len(cvvs), file=sys.stderr)
PY
# the generated input really holds what we look for
grep -Fq -f "$T/pans" "$T/in.ndjson" || fail "generator wrote no PAN"
grep -Fq -f "$T/cvvs" "$T/in.ndjson" || fail "generator wrote no CVV"
[ "$(grep -c . "$T/pans")" -gt 6000 ] || fail "too few PANs generated"

set +e
$M --card card_details__card_number --drop card_details__cvv --scan \
    --rejects "$T/rej" --stats "$T/stats" "$T/in.ndjson" >"$T/out" 2>"$T/err"
st=$?
# and once more without --rejects: errors on stderr instead
$M --card card_details__card_number --drop card_details__cvv --scan \
    "$T/in.ndjson" >"$T/out2" 2>"$T/err2"
st2=$?
set -e
[ "$st" -eq 0 ] || fail "exit $st with --rejects"
[ "$st2" -eq 1 ] || fail "exit $st2 without --rejects"
same "$T/out" "$T/out2"
empty "$T/err"
for f in out err rej stats err2; do
	if grep -F -f "$T/pans" "$T/$f" >"$T/leak"; then
		fail "a PAN leaked into $f: $(head -c 300 "$T/leak")"
	fi
	if grep -F -f "$T/cvvs" "$T/$f" >"$T/leak"; then
		fail "a CVV leaked into $f: $(head -c 300 "$T/leak")"
	fi
done
hasnt "$T/out" 'card_details__cvv'
# every record is accounted for, and the outputs are sound
$PY - "$T" <<'PY'
import json, re, sys
t = sys.argv[1]
stats = json.load(open(t + '/stats'))
n_in = sum(1 for l in open(t + '/in.ndjson', 'rb') if l.strip())
out = [json.loads(l) for l in open(t + '/out')]
rej = [json.loads(l) for l in open(t + '/rej')]
assert stats['records_in'] == n_in, (stats, n_in)
assert stats['records_out'] == len(out) and stats['rejected'] == len(rej), stats
assert len(out) + len(rej) == n_in
assert len(rej) == 5 * 60, len(rej)         # k = 1..5 of every 50
masked = 0
for r in out:
    c = r.get('card_details__card_number')
    if c is not None:
        assert re.fullmatch(r'\*{8,15}\d{4}', c), c
        masked += 1
    assert 'card_details__cvv' not in r
assert stats['cards_masked'] == masked, (stats, masked)
assert stats['invalid_cards'] == 0
assert stats['scan_masked'] >= len(out) - 1000, stats
for r in rej:
    assert not re.search(r'\d', r['record']), r
PY
