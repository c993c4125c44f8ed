# ndjson-join: a generated dataset against an independent Python join
. "$TOP/tests/lib.sh"
cd "$T"
cat >gen.py <<'E'
import json, random, re, sys
random.seed(int(sys.argv[1]))
first = ['Zoe', 'Sam', 'Mary Ann', 'Élodie', 'Jo', 'Li', 'Ann']
last = ['Edwards', 'Lee', 'Smith', 'Öz', 'Khan', 'Begum']
cos = ['Acme', 'Stone plc', 'Jones Inc', 'Ng & Co']
def person():
    if random.random() < 0.2:
        return {'t': 'Business', 'fn': None, 'ln': None,
                'co': random.choice(cos) + str(random.randrange(30))}
    if random.random() < 0.03:
        return {'t': 'Individual', 'fn': None, 'ln': '', 'co': None}
    return {'t': 'Individual', 'fn': random.choice(first),
            'ln': random.choice(last) + str(random.randrange(40)),
            'co': random.choice([None, ''])}
def mess(r):
    r = dict(r)
    for f in ('t', 'fn', 'ln', 'co'):
        v = r.get(f)
        if isinstance(v, str) and random.random() < 0.3:
            v = random.choice([v.upper(), v.lower(), ' ' + v + '  ',
                               v.replace(' ', '   ')])
        if v is None and random.random() < 0.3:
            r.pop(f, None)
            continue
        r[f] = v
    return r
# 3,000 people: over 2,048 keys, so the table grows while it is read
people = [person() for _ in range(3000)]
left = [dict(p, n=i) for i, p in enumerate(people)]
left += [dict(random.choice(people), n=3000 + i) for i in range(100)]
right = []
for p in people:
    if random.random() < 0.85:
        right.append(dict(mess(p), sub=random.choice(['Basic', 'Free', 'Premium'])))
    if random.random() < 0.05:
        right.append(dict(mess(p), sub=random.choice(['Basic', 'Free'])))
for i in range(25):
    right.append({'t': 'Individual', 'fn': 'Nobody', 'ln': str(i), 'sub': 'Free'})
random.shuffle(left)
random.shuffle(right)
for name, recs in (('l', left), ('r', right)):
    with open(name, 'w') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
E
cat >oracle.py <<'E'
# Left join, folded keys, --identity fn,ln,co, --dups none; written from
# the documented rules, not from the C code.
import json, re, sys, collections
def fold(v):
    if v is None: return ''
    v = re.sub(r'[ \t\n\v\f\r\u00a0]+', ' ', v).strip(' ')
    return ''.join(c.lower() if 'A' <= c <= 'Z' else c for c in v)
def key(r): return tuple(fold(r.get(f)) for f in ('t', 'fn', 'ln', 'co'))
def ok(k): return any(k[1:])
left = [json.loads(l) for l in open('l', encoding='utf-8')]
right = [json.loads(l) for l in open('r', encoding='utf-8')]
groups = collections.OrderedDict()
for r in right:
    if ok(key(r)):
        groups.setdefault(key(r), []).append(r)
body = lambda r: json.dumps({k: v for k, v in r.items() if k not in ('t', 'fn', 'ln', 'co')})
out = open('want', 'w', encoding='utf-8')
st = collections.Counter()
used = set()
lkeys = collections.Counter(key(r) for r in left if ok(key(r)))
for r in left:
    k = key(r)
    g = groups.get(k) if ok(k) else None
    if g and len(set(map(body, g))) == 1:
        m = dict(r)
        for f, v in g[0].items():
            if f not in r and f not in ('t', 'fn', 'ln', 'co'):
                m[f] = v
        st['matched'] += 1
        used.add(id(g[0]))
    else:
        m = r
        st['left_unmatched'] += 1
    out.write(json.dumps(m, ensure_ascii=False, separators=(',', ':')) + '\n')
st['right_unmatched'] = sum(1 for r in right if id(r) not in used)
st['right_dup_keys'] = sum(1 for g in groups.values() if len(g) > 1)
st['left_dup_keys'] = sum(1 for c in lkeys.values() if c > 1)
st['ambiguous_keys'] = sum(1 for g in groups.values() if len(set(map(body, g))) > 1)
st['left_empty_keys'] = sum(1 for r in left if not ok(key(r)))
st['right_empty_keys'] = sum(1 for r in right if not ok(key(r)))
for k in ('matched', 'left_unmatched', 'right_unmatched', 'left_dup_keys',
          'right_dup_keys', 'ambiguous_keys', 'left_empty_keys', 'right_empty_keys'):
    print('"%s":%d' % (k, st[k]))
E
for seed in 1 2 3; do
	$PY gen.py $seed
	$PY oracle.py >wantstats
	run 0 $NDJSON_JOIN -k t,fn,ln,co --identity fn,ln,co -f --dups none \
	    --stats st --unmatched u l r
	same "$T/out" want
	cp st st.file
	# The right side read from a pipe (copied) equals it mapped (a file).
	run 0 sh -c "$NDJSON_JOIN -k t,fn,ln,co --identity fn,ln,co -f \
	    --dups none --stats st l - <r"
	same "$T/out" want
	same st st.file
	while read -r kv; do
		has st "$kv[,}]"
	done <wantstats
	# Nothing lost: every record is in the output or the unmatched file.
	[ "$(grep -c '"side":"right"' u)" -eq "$(sed -n 's/"right_unmatched"://p' wantstats)" ] ||
	    fail "unmatched file count"
	# The same with the sorted merge.
	tab=$(printf '\t')
	for f in l r; do
		$NDJSON_JOIN --decorate -k t,fn,ln,co -f $f |
		    LC_ALL=C sort -s -t "$tab" -k1,1 | cut -f2- >$f.s
	done
	run 0 $NDJSON_JOIN -k t,fn,ln,co --identity fn,ln,co -f --dups none \
	    --sorted --stats st2 l.s r.s
	sort "$T/out" >got.s
	sort want >want.s
	same got.s want.s
	same st st2
done
