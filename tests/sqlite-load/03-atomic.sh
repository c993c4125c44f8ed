# sqlite-load: replace is atomic, --append appends, the file is created
. "$TOP/tests/lib.sh"
cd "$T"
# interrupted SCHEMA SIGNAL CHECK...: load db table t from a FIFO that
# gets 1,000 rows and stays open, run CHECK while the load is under way,
# then send the load SIGNAL.
interrupted() {
	_schema=$1 _sig=$2
	shift 2
	mkfifo ff
	$SQLITE_LOAD -s "$_schema" -d db -t t ff 2>/dev/null &
	_lpid=$!
	$PY -c '
import sys, time
for i in range(1000):
    sys.stdout.write("{\"id\":%d,\"v\":\"x\"}\n" % i)
sys.stdout.flush()
time.sleep(30)
' >ff &
	_wpid=$!
	sleep 1
	"$@"
	kill -s "$_sig" "$_lpid"
	kill "$_wpid"
	wait || true
	rm -f ff
}
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
has "$T/err" "^sqlite-load: db: table t: its columns differ from the schema$"
# ...but can replace the table.
printf '{"id":5,"w":"x"}\n' >three
run 0 $SQLITE_LOAD -s s2.json -d db -t t three
[ "$(sqlite3 db 'select count(*) from t')" = 1 ] || fail "replace with new schema"
# Other tables are never touched.
[ "$(sqlite3 db 'select count(*) from other')" = 2 ] || fail "other table"
# A killed load is rolled back by the journal: kill -9 in the middle of a
# load (rows inserted, transaction open) and the old rows are still there.
run 0 $SQLITE_LOAD -s s.json -d db -t t one
interrupted s.json KILL true
[ "$(sqlite3 db 'select group_concat(id) from t')" = "1,2" ] || fail "kill -9 not atomic"
# --commit-if: a pipe whose writer did not say it finished is rolled back.
run 1 $SQLITE_LOAD -s s.json -d db -t t --commit-if done two
has "$T/err" '^sqlite-load: done: No such file or directory: the input may be incomplete$'
[ "$(sqlite3 db 'select group_concat(id) from t')" = "1,2" ] || fail "commit-if rolled back"
: >done
run 0 $SQLITE_LOAD -s s.json -d db -t t --commit-if done two
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "commit-if committed"
# A file holding only the table is replaced by a new file renamed over it
# (no journal to write): another inode, the same mode, nothing left over.
mkdir sw
cd sw
run 0 $SQLITE_LOAD -s ../s.json -d db -t t ../one
[ "$(stat -c %a db)" = "$(printf '%o' $((0666 & ~$(umask))))" ] || fail "new file mode"
chmod 640 db
ino=$(stat -c %i db)
run 0 $SQLITE_LOAD -s ../s.json -d db -t t ../two
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "swap: rows"
[ "$(stat -c %i db)" != "$ino" ] || fail "swap: not a new file"
[ "$(stat -c %a db)" = 640 ] || fail "swap: mode $(stat -c %a db)"
[ "$(ls)" = db ] || fail "swap: left over: $(ls)"
# A failing load leaves the old file as it was and no new one.
ino=$(stat -c %i db)
run 1 $SQLITE_LOAD -s ../s.json -d db -t t ../bad
has "$T/err" 'nothing loaded, the table is unchanged'
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "swap: not atomic"
[ "$(stat -c %i db)" = "$ino" ] && [ "$(ls)" = db ] || fail "swap: failed load left $(ls)"
# A reader in the middle of a transaction keeps seeing the old table; a
# new reader sees the new one.
$PY - $SQLITE_LOAD <<'PYEOF' || fail "reader during a swap"
import sqlite3, subprocess, sys
r = sqlite3.connect("db", isolation_level=None)
r.execute("BEGIN")
assert r.execute("select group_concat(id) from t").fetchone()[0] == "3"
subprocess.run([sys.argv[1], "-s", "../s.json", "-d", "db", "-t", "t",
    "../one"], check=True)
assert r.execute("select group_concat(id) from t").fetchone()[0] == "3"
r.execute("COMMIT")
n = sqlite3.connect("db")
assert n.execute("select group_concat(id) from t").fetchone()[0] == "1,2"
PYEOF
# Stopped (SIGTERM) half way: the old table stays, the new file goes.
loading() {
	[ "$(ls | wc -l)" = 3 ] || fail "no new file while loading: $(ls)"
}
interrupted ../s.json TERM loading
[ "$(sqlite3 db 'select group_concat(id) from t')" = "1,2" ] || fail "TERM not atomic"
[ "$(ls)" = db ] || fail "TERM left $(ls)"
# A write-ahead-log database, or one with other tables or views, is
# replaced in place: the same file.
sqlite3 db 'PRAGMA journal_mode=WAL' >/dev/null
ino=$(stat -c %i db)
run 0 $SQLITE_LOAD -s ../s.json -d db -t t ../two
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "wal: rows"
[ "$(stat -c %i db)" = "$ino" ] || fail "wal: swapped"
sqlite3 db 'PRAGMA journal_mode=DELETE; CREATE VIEW v AS SELECT id FROM t' >/dev/null
ino=$(stat -c %i db)
run 0 $SQLITE_LOAD -s ../s.json -d db -t t ../one
[ "$(sqlite3 db 'select group_concat(id) from v')" = "1,2" ] || fail "view: rows"
[ "$(stat -c %i db)" = "$ino" ] || fail "view: swapped"
# A file that is not a database is an error and stays as it was.
mkdir ../nodb
cd ../nodb
echo 'not a database, not at all, no SQLite header here at any offset' >db
cp db db.orig
run 1 $SQLITE_LOAD -s ../s.json -d db -t t ../one
has "$T/err" 'file is not a database'
hasnt "$T/err" 'rollback'
same db db.orig
[ "$(ls)" = "db
db.orig" ] || fail "not a database: left $(ls)"
# The old file swapped for a directory while the new one is written: the
# rename fails, the new file goes, the error names the database.
mkdir ../gone
cd ../gone
run 0 $SQLITE_LOAD -s ../s.json -d db -t t ../one
mkfifo ff
$SQLITE_LOAD -s ../s.json -d db -t t ff 2>err &
lpid=$!
exec 3>ff
cat ../two >&3
i=0
while [ "$(ls | wc -l)" -lt 4 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(ls | wc -l)" = 4 ] || fail "rename: no new file: $(ls)"
rm db
mkdir db
exec 3>&-
st=0
wait $lpid || st=$?
[ $st = 1 ] || fail "rename: exit $st"
has err '^sqlite-load: db: cannot replace: Is a directory$'
has err '^sqlite-load: db: table t: nothing loaded, the table is unchanged$'
[ "$(ls)" = "db
err
ff" ] || fail "rename: left $(ls)"
# Two loads at once: one replaces t by renaming a new file over db while
# the other waits to append table u; the waiting one finds db replaced,
# opens it again and appends there (not into the file renamed away).
mkdir ../two-loads
cd ../two-loads
run 0 $SQLITE_LOAD -s ../s.json -d db -t t ../one
mkfifo ff
$SQLITE_LOAD -s ../s.json -d db -t t ff 2>a.err &
apid=$!
exec 3>ff	# returns once the load opened ff, after taking the lock
$SQLITE_LOAD -s ../s.json -d db -t u -a ../two 2>b.err 3>&- &
bpid=$!
sleep 1
kill -0 $bpid 2>/dev/null || fail "the second load did not wait for the lock"
cat ../two >&3
exec 3>&-
wait $apid || fail "replacing load: $(cat a.err)"
wait $bpid || fail "appending load: $(cat b.err)"
[ "$(sqlite3 db 'select group_concat(id) from t')" = "3" ] || fail "two loads: t"
[ "$(sqlite3 db 'select group_concat(id) from u')" = "3" ] || fail "two loads: u"
