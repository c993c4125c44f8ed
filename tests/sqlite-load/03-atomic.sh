# sqlite-load: replace is atomic, --append appends, the file is created
. "$TOP/tests/lib.sh"
cd "$T"
printf '[{"name":"id","type":"INT64","mode":"REQUIRED"},{"name":"v","type":"STRING"}]\n' >s.json
printf '{"id":1,"v":"a"}\n{"id":2,"v":"b"}\n' >one
printf '{"id":3,"v":"c"}\n' >two
[ ! -e db ] || fail "db exists"
run 0 $SQLITE_LOAD -s s.json -d db -t t one
[ "$(sqlite3 db 'select group_concat(id) from t')" = "1,2" ] || fail "created"
# Replace.
run 0 $SQLITE_LOAD -s s.json -d db -t t two
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "replaced"
# Append.
run 0 $SQLITE_LOAD -s s.json -d db -t t --append one
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3,1,2" ] || fail "appended"
# Append creates a missing table.
run 0 $SQLITE_LOAD -s s.json -d db -t other -a one
[ "$(sqlite3 db 'select count(*) from other')" = 2 ] || fail "append created"
# A failing load (bad row at the end) leaves the old table and its rows.
{ cat two; echo '{"id":"x"}'; } >bad
run 1 $SQLITE_LOAD -s s.json -d db -t t bad
has "$T/err" '^sqlite-load: bad:2: field .id.: not an INT64$'
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3,1,2" ] || fail "not atomic"
run 1 $SQLITE_LOAD -s s.json -d db -t t -a bad
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3,1,2" ] || fail "append not atomic"
# A different schema cannot be appended to.
printf '[{"name":"id","type":"INT64"},{"name":"w","type":"STRING"}]\n' >s2.json
run 1 $SQLITE_LOAD -s s2.json -d db -t t -a two
has "$T/err" "columns differ"
# ...but can replace the table.
printf '{"id":5,"w":"x"}\n' >three
run 0 $SQLITE_LOAD -s s2.json -d db -t t three
[ "$(sqlite3 db 'select count(*) from t')" = 1 ] || fail "replace with new schema"
# Other tables are never touched.
[ "$(sqlite3 db 'select count(*) from other')" = 2 ] || fail "other table"
# A killed load is rolled back by the journal: kill -9 in the middle of a
# load (rows inserted, transaction open) and the old rows are still there.
run 0 $SQLITE_LOAD -s s.json -d db -t t one
mkfifo ff
$SQLITE_LOAD -s s.json -d db -t t ff 2>/dev/null &
lpid=$!
$PY -c '
import sys, time
for i in range(1000):
    sys.stdout.write("{\"id\":%d,\"v\":\"x\"}\n" % i)
sys.stdout.flush()
time.sleep(30)
' >ff &
wpid=$!
sleep 1
kill -9 "$lpid"
kill "$wpid"
wait || true
[ "$(sqlite3 db 'select group_concat(id) from t')" = "1,2" ] || fail "kill -9 not atomic"
# --commit-if: a pipe whose writer did not say it finished is rolled back.
run 1 $SQLITE_LOAD -s s.json -d db -t t --commit-if done two
has "$T/err" '^sqlite-load: done: No such file or directory: the input may be incomplete$'
[ "$(sqlite3 db 'select group_concat(id) from t')" = "1,2" ] || fail "commit-if rolled back"
: >done
run 0 $SQLITE_LOAD -s s.json -d db -t t --commit-if done two
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "commit-if committed"
