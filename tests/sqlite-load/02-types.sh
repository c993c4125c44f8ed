# sqlite-load: BigQuery types to SQLite, validation with file:line
. "$TOP/tests/lib.sh"
cd "$T"
cat >s.json <<'E'
[
 {"name":"i","type":"INT64","mode":"REQUIRED"},
 {"name":"s","type":"STRING","mode":"NULLABLE"},
 {"name":"f","type":"FLOAT64"},
 {"name":"b","type":"BOOL"},
 {"name":"d","type":"DATE"},
 {"name":"n","type":"NUMERIC"},
 {"name":"ts","type":"TIMESTAMP"},
 {"name":"j","type":"JSON"},
 {"name":"r","type":"STRING","mode":"REPEATED"}
]
E
cat >in <<'E'
{"i":1,"s":"caf\u00e9","f":1.5,"b":true,"d":"2024-02-29","n":"12.50","ts":"2024-01-01T00:00:00Z","j":{"a": [1, 2]},"r":["x","y"]}
{"i":"-9223372036854775808","s":12,"f":"2e3","b":"false","d":null,"n":3}
{"i":9223372036854775807}
E
run 0 $SQLITE_LOAD -s s.json -d db -t t in
sqlite3 -separator '|' db "select i, typeof(i), s, f, typeof(f), b, d, n, ts, j, r from t" >got
cat >want <<'E'
1|integer|café|1.5|real|1|2024-02-29|12.50|2024-01-01T00:00:00Z|{"a":[1,2]}|["x","y"]
-9223372036854775808|integer|12|2000.0|real|0||3|||
9223372036854775807|integer|||null||||||
E
same got want
sqlite3 db "select sql from sqlite_master where name = 't'" >ddl
has ddl '"i" INTEGER NOT NULL'
has ddl '"d" TEXT CHECK'
has ddl 'STRICT$'
# Every kind of bad row is reported with file:line; nothing is loaded.
cat >bad <<'E'
{"i":2,"s":"ok"}
{"s":"no id"}
{"i":null}
{"i":1.5}
{"i":"12a"}
{"i":true}
{"i":99999999999999999999}
{"i":3,"d":"2023-02-30"}
{"i":4,"d":"2023-2-3"}
{"i":5,"d":"1900-02-29"}
{"i":6,"f":"x"}
{"i":7,"b":"yes"}
{"i":8,"zzz":1}
{"i":9,"s":{"a":1}}
[1]
{"i":10,
{"i":11,"n":"abc"}
{"i":9223372036854775808}
{"i":"-9223372036854775809"}
{"i":"-"}
{"i":"+"}
E
run 1 $SQLITE_LOAD -s s.json -d db -t t bad
for l in 2:.*i.*missing 3:.*missing 4:.*INT64 5:.*INT64 6:.*INT64 7:.*INT64 \
    8:.*DATE 9:.*DATE 10:.*DATE 11:.*FLOAT64 12:.*BOOL "13: field 'zzz': not in the schema" \
    14:.*scalar "15: record is not a JSON object" 16: 17:.*NUMERIC \
    18:.*INT64 19:.*INT64 20:.*INT64 21:.*INT64; do
	has "$T/err" "^sqlite-load: bad:$l"
done
hasnt "$T/err" "^sqlite-load: bad:1:"
[ "$(sqlite3 db 'select count(*) from t')" = 3 ] || fail "bad rows changed the table"
# --ignore-unknown-values drops unknown fields.
printf '{"i":1,"zzz":2}\n' >unk
run 0 $SQLITE_LOAD -s s.json -d db -t t --ignore-unknown-values unk
[ "$(sqlite3 db 'select count(*) from t')" = 1 ] || fail "ignore unknown"
# --rejects: bad rows go there, the rest is loaded, exit 0.
run 0 $SQLITE_LOAD -s s.json -d db -t t --rejects rej --stats st bad
[ "$(sqlite3 db 'select count(*) from t')" = 1 ] || fail "rejects load"
[ "$(wc -l <rej)" -eq 20 ] || fail "rejects: $(cat rej)"
has rej '^\{"file":"bad","line":8,"error":"field .d.: not a DATE \(YYYY-MM-DD\)","record":'
has st '"records_in":21,"records_out":1,"rejected":20'
