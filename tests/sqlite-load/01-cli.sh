# sqlite-load: options, usage errors, missing files, full disk
. "$TOP/tests/lib.sh"
common_cli sqlite-load
cd "$T"
cat >s.json <<'E'
[{"name":"id","type":"INT64","mode":"REQUIRED"},{"name":"name","type":"STRING"}]
E
printf '{"id":1,"name":"a"}\n{"id":"2","name":null}\n' >in
for args in "" "--schema s.json --db d" "--schema s.json --table t" \
    "--db d --table t" "--schema s.json --db d --table 1bad" \
    "--schema s.json --db d --table a-b"; do
	run 2 $SQLITE_LOAD $args in
	empty "$T/out"
	has "$T/err" "^sqlite-load: "
done
# Bad schemas are configuration errors (exit 2).
for s in '{}' '[]' '[1]' '[{"name":"x","type":"NOPE"}]' '[{"type":"STRING"}]' \
    '[{"name":"a b","type":"STRING"}]' '[{"name":"x","type":"STRING","mode":"ODD"}]' \
    '[{"name":"x","type":"STRING"},{"name":"X","type":"INT64"}]' '[{"name":"x",'; do
	printf '%s\n' "$s" >bad.json
	run 2 $SQLITE_LOAD --schema bad.json --db d --table t in
	has "$T/err" "^sqlite-load: bad.json"
	[ ! -e d ] || fail "database created for a bad schema: $s"
done
run 2 $SQLITE_LOAD --schema nosuch.json --db d --table t in
has "$T/err" "^sqlite-load: nosuch.json: "
# The schema may also be {"fields":[...]} or {"schema":{"fields":[...]}}.
printf '{"schema":{"fields":[{"name":"id","type":"INTEGER"},{"name":"name","type":"STRING"}]}}\n' >s2.json
run 0 $SQLITE_LOAD --schema s2.json --db d2 --table t in
[ "$(sqlite3 d2 'select count(*) from t')" = 2 ] || fail "wrapped schema"
# Loads stdin, -, and several files in one transaction.
run 0 sh -c "$SQLITE_LOAD -s s.json -d d -t t <in"
empty "$T/out"
run 0 sh -c "$SQLITE_LOAD -s s.json -d d -t t in - in <in"
[ "$(sqlite3 d 'select count(*) from t')" = 6 ] || fail "three inputs"
# A missing file fails the whole load: the table is unchanged.
run 1 $SQLITE_LOAD -s s.json -d d -t t in nosuch
has "$T/err" "^sqlite-load: nosuch: "
has "$T/err" "^sqlite-load: d: table t: nothing loaded, the table is unchanged$"
[ "$(sqlite3 d 'select count(*) from t')" = 6 ] || fail "not atomic"
# Stats, and a full disk for them.
run 0 $SQLITE_LOAD -s s.json -d d -t t --stats st in
echo '{"tool":"sqlite-load","records_in":2,"records_out":2,"rejected":0,"db":"d","table":"t","mode":"replace"}' >want
same st want
run 1 $SQLITE_LOAD -s s.json -d d -t t --stats /dev/full in
run 1 $SQLITE_LOAD -s s.json -d d -t t --rejects /nonexistent/r in
# A database that cannot be opened.
run 1 $SQLITE_LOAD -s s.json -d /nonexistent/dir/db -t t in
has "$T/err" "^sqlite-load: "
# Not a database.
echo 'hello' >notdb
run 1 $SQLITE_LOAD -s s.json -d notdb -t t in
