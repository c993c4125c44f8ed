# ndjson-join: composite keys, null parts, empty keys, --fold, --identity, --require
. "$TOP/tests/lib.sh"
cd "$T"
# Sales-like left: individuals without company, businesses without names.
cat >l <<'E'
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":null,"n":1}
{"t":"Business","fn":null,"ln":null,"co":"Acme, Ltd","n":2}
{"t":"Business","fn":"","ln":"","co":"Stone plc","n":3}
{"t":"Individual","fn":null,"ln":null,"co":null,"n":4}
{"t":null,"fn":null,"ln":null,"co":null,"n":5}
{"n":6}
{"t":"individual","fn":"  zoe ","ln":"EDWARDS","n":7}
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":"","n":8}
E
cat >r <<'E'
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":"","s":"Basic"}
{"t":"Business","co":"Acme, Ltd","s":"Premium"}
{"t":"Business","fn":null,"ln":null,"co":"Stone plc","s":"Free"}
{"t":"Individual","fn":"","ln":null,"co":null,"s":"Nameless"}
{"s":"Empty"}
E
# Null, missing and "" parts are equal; all-empty keys never match.
run 0 $NDJSON_JOIN -k t,fn,ln,co --stats st --unmatched u l r
cat >want <<'E'
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":null,"n":1,"s":"Basic"}
{"t":"Business","fn":null,"ln":null,"co":"Acme, Ltd","n":2,"s":"Premium"}
{"t":"Business","fn":"","ln":"","co":"Stone plc","n":3,"s":"Free"}
{"t":"Individual","fn":null,"ln":null,"co":null,"n":4,"s":"Nameless"}
{"t":null,"fn":null,"ln":null,"co":null,"n":5}
{"n":6}
{"t":"individual","fn":"  zoe ","ln":"EDWARDS","n":7}
{"t":"Individual","fn":"Zoe","ln":"Edwards","co":"","n":8,"s":"Basic"}
E
same "$T/out" want
has st '"matched":5,"left_unmatched":3,"right_unmatched":1,.*"left_empty_keys":2,"right_empty_keys":1'
has u '^\{"side":"left","reason":"empty key","file":"l","line":5,'
has u '^\{"side":"left","reason":"empty key","file":"l","line":6,"record":\{"n":6\}\}$'
has u '^\{"side":"left","reason":"no match","file":"l","line":7,'
has u '^\{"side":"right","reason":"empty key","file":"r","line":5,"record":\{"s":"Empty"\}\}$'
# --identity: a customer type alone does not identify anyone.
run 0 $NDJSON_JOIN -k t,fn,ln,co --identity fn,ln,co --stats st l r
has "$T/out" '"n":4\}$'
hasnt "$T/out" 'Nameless'
has st '"left_empty_keys":3,"right_empty_keys":2'
# --fold: trim, collapse, ASCII case.
run 0 $NDJSON_JOIN -k t,fn,ln,co --fold l r
has "$T/out" '^\{"t":"individual","fn":"  zoe ","ln":"EDWARDS","n":7,"s":"Basic"\}$'
# --require: a key with an empty required part never matches.
run 0 $NDJSON_JOIN -k t,fn,ln,co --require fn l r
[ "$(grep -c '"s":' "$T/out")" -eq 2 ] || fail "require: $(cat "$T/out")"
has "$T/out" '"n":1,"s":"Basic"'
has "$T/out" '"n":8,"s":"Basic"'
# Non-ASCII letters are not case-folded.
printf '{"k":"\303\211LODIE"}\n{"k":"\303\251lodie"}\n' >l2
printf '{"k":"\303\251lodie","v":1}\n' >r2
run 0 $NDJSON_JOIN -k k -f -t inner l2 r2
printf '{"k":"\303\251lodie","v":1}\n' >want2
same "$T/out" want2
# Escaped strings compare by their decoded text; numbers by their text.
printf '{"k":"\\u0041b"}\n{"k":12}\n{"k":true}\n' >l3
printf '{"k":"Ab","v":1}\n{"k":12,"v":2}\n{"k":true,"v":3}\n' >r3
run 0 $NDJSON_JOIN -k k -t inner l3 r3
printf '{"k":"\\u0041b","v":1}\n{"k":12,"v":2}\n{"k":true,"v":3}\n' >want3
same "$T/out" want3
# A part boundary is not lost: ("ab","c") differs from ("a","bc").
printf '{"a":"ab","b":"c"}\n' >l4
printf '{"a":"a","b":"bc","v":1}\n' >r4
run 0 $NDJSON_JOIN -k a,b -t inner l4 r4
empty "$T/out"
