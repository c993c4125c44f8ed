# ndjson-join: --dups all, first, last, error, none; duplicate counts
. "$TOP/tests/lib.sh"
cd "$T"
cat >l <<'E'
{"k":"a","n":1}
{"k":"b","n":2}
{"k":"a","n":3}
{"k":"c","n":4}
E
cat >r <<'E'
{"k":"a","v":"x"}
{"k":"b","v":"y"}
{"k":"a","v":"z"}
{"k":"c","v":"w"}
{"k":"c","v":"w"}
E
run 0 $NDJSON_JOIN -k k --stats st l r
cat >want <<'E'
{"k":"a","n":1,"v":"x"}
{"k":"a","n":1,"v":"z"}
{"k":"b","n":2,"v":"y"}
{"k":"a","n":3,"v":"x"}
{"k":"a","n":3,"v":"z"}
{"k":"c","n":4,"v":"w"}
{"k":"c","n":4,"v":"w"}
E
same "$T/out" want
has st '"left_dup_keys":1,"right_dup_keys":2,'
run 0 $NDJSON_JOIN -k k --dups all l r
same "$T/out" want
run 0 $NDJSON_JOIN -k k --dups first --unmatched u --stats st l r
cat >want <<'E'
{"k":"a","n":1,"v":"x"}
{"k":"b","n":2,"v":"y"}
{"k":"a","n":3,"v":"x"}
{"k":"c","n":4,"v":"w"}
E
same "$T/out" want
has st '"right_unmatched":2,'
has u '^\{"side":"right","reason":"duplicate","file":"r","line":3,'
has u '^\{"side":"right","reason":"duplicate","file":"r","line":5,'
run 0 $NDJSON_JOIN -k k --dups last l r
cat >want <<'E'
{"k":"a","n":1,"v":"z"}
{"k":"b","n":2,"v":"y"}
{"k":"a","n":3,"v":"z"}
{"k":"c","n":4,"v":"w"}
E
same "$T/out" want
# none: duplicates that differ are ambiguous and match nothing; identical
# duplicates count once.
run 0 $NDJSON_JOIN -k k --dups none --unmatched u --stats st l r
cat >want <<'E'
{"k":"a","n":1}
{"k":"b","n":2,"v":"y"}
{"k":"a","n":3}
{"k":"c","n":4,"v":"w"}
E
same "$T/out" want
has st '"matched":2,"left_unmatched":2,"right_unmatched":3,"left_dup_keys":1,"right_dup_keys":2,"ambiguous_keys":1,'
has u '^\{"side":"left","reason":"ambiguous","file":"l","line":1,'
has u '^\{"side":"right","reason":"ambiguous","file":"r","line":1,'
has u '^\{"side":"right","reason":"ambiguous","file":"r","line":3,'
has u '^\{"side":"right","reason":"duplicate","file":"r","line":5,'
# A full join keeps ambiguous right records, never a dropped duplicate.
run 0 $NDJSON_JOIN -k k --dups none -t full l r
has "$T/out" '^\{"k":"a","v":"x"\}$'
has "$T/out" '^\{"k":"a","v":"z"\}$'
[ "$(grep -c '"v":"w"' "$T/out")" -eq 1 ] || fail "full: $(cat "$T/out")"
# error: every duplicate named with both lines, nothing joined.
run 1 $NDJSON_JOIN -k k --dups error l r
empty "$T/out"
has "$T/err" '^ndjson-join: r:3: duplicate key \(also at line 1\)$'
has "$T/err" '^ndjson-join: r:5: duplicate key \(also at line 4\)$'
sort r >rs
run 1 $NDJSON_JOIN -k k --dups error --sorted l rs
has "$T/err" 'duplicate key'
# Duplicates among empty keys are not duplicates: they never match.
printf '{"k":null,"v":1}\n{"v":2}\n' >r2
run 0 $NDJSON_JOIN -k k --dups error --stats st l r2
has st '"right_dup_keys":0,'
# Build records with nested values (indexed again by the validating parser,
# not the flat one): joined verbatim, both from a file and from a pipe, and
# duplicates told apart by their nested members.
cat >nl <<'E'
{"k":"a","x":1}
{"k":"b","x":2}
E
cat >nr <<'E'
{"k":"a","o":{"p":[1,{"q":"\u00e9"}]},"s":"x"}
{"k":"b","o":{"p":1}}
{"k":"b","o":{"p":2}}
E
cat >want <<'E'
{"k":"a","x":1,"o":{"p":[1,{"q":"\u00e9"}]},"s":"x"}
{"k":"b","x":2}
E
run 0 $NDJSON_JOIN -k k --dups none nl nr
same "$T/out" want
run 0 sh -c "$NDJSON_JOIN -k k --dups none nl - <nr"
same "$T/out" want
