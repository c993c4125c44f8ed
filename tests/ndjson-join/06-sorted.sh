# ndjson-join: --sorted merge equals the hash join; --decorate + sort recipe
. "$TOP/tests/lib.sh"
cd "$T"
$PY - <<'E'
import json, random
random.seed(7)
def rec(i, side):
    k = random.choice(['a', 'b', 'B ', 'c', 'd', 'e', '', None, 'x y', 'X  Y'])
    j = random.choice(['1', '2', None])
    return {'k': k, 'j': j, side: i}
with open('l', 'w') as f:
    for i in range(300):
        f.write(json.dumps(rec(i, 'n'), separators=(',', ':')) + '\n')
with open('r', 'w') as f:
    for i in range(200):
        f.write(json.dumps(rec(i, 'v'), separators=(',', ':')) + '\n')
E
tab=$(printf '\t')
for f in l r; do
	run 0 $NDJSON_JOIN --decorate -k k,j --fold $f
	# The decoration is the hex of the folded key parts joined by NUL.
	LC_ALL=C sort -s -t "$tab" -k1,1 "$T/out" | cut -f2- >$f.sorted
done
has "$T/out" "^[0-9a-f]*${tab}\{"
head -1 r.sorted >/dev/null
for type in inner left right full; do
	for dups in all first last none; do
		run 0 $NDJSON_JOIN -k k,j -f -t $type --dups $dups \
		    --stats hs --unmatched hu l.sorted r.sorted
		sort "$T/out" >hash
		run 0 $NDJSON_JOIN -k k,j -f -t $type --dups $dups --sorted \
		    --stats ss --unmatched su l.sorted r.sorted
		sort "$T/out" >merged
		same hash merged
		same hs ss
		sort hu >hu.s
		sort su >su.s
		same hu.s su.s
	done
done
# Inner and left joins keep the left order in both modes.
run 0 $NDJSON_JOIN -k k,j -f l.sorted r.sorted
cp "$T/out" hash
run 0 $NDJSON_JOIN -k k,j -f --sorted l.sorted r.sorted
same "$T/out" hash
# Unsorted input is an error with file:line.
printf '{"k":"b"}\n{"k":"a"}\n' >bad
printf '{"k":"a"}\n' >ok
run 1 $NDJSON_JOIN -k k --sorted bad ok
has "$T/err" '^ndjson-join: bad:2: input not sorted by key'
run 1 $NDJSON_JOIN -k k --sorted ok bad
has "$T/err" '^ndjson-join: bad:2: input not sorted by key'
# Left duplicates are counted the same way.
printf '{"k":"a"}\n{"k":"a"}\n{"k":"b"}\n' >ld
run 0 $NDJSON_JOIN -k k --sorted --stats st ld ok
has st '"left_dup_keys":1,'
# Ids are the same in both modes, for joined, left-only and right-only
# records (right-only ones take their key under the left names).
for type in left full; do
	run 0 $NDJSON_JOIN -k k,j -f -t $type --dups first --id id --id-from k,j,n,v \
	    l.sorted r.sorted
	sort "$T/out" >hash
	run 0 $NDJSON_JOIN -k k,j -f -t $type --dups first --id id --id-from k,j,n,v \
	    --sorted l.sorted r.sorted
	sort "$T/out" >merged
	same hash merged
done
has hash '^\{"id":[0-9]+,"k":'
# The id of a right-only record uses the left key names.
printf '{"k":"a","x":1}\n' >l1
printf '{"ref":"b","y":2}\n' >r1
run 0 $NDJSON_JOIN --left-key k --right-key ref -t right --id id --id-from k l1 r1
grep '"k":"b"' "$T/out" | sed 's/,"k".*//' >a
printf '{"k":"b"}\n' | $NDJSON_JOIN --id id --id-from k | sed 's/,"k".*//' >b
same a b
