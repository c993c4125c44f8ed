# ndjson-mask --card: every length 12..19, separators, keep-first, numbers, invalid values
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
# Inputs and hand-computed outputs (Luhn-valid PANs from the seed data and
# the usual test numbers; the rule does not check Luhn in a card field).
cat >"$T/in" <<'IN'
{"id":1,"c":"060476956341"}
{"id":2,"c":"4647799633031"}
{"id":3,"c":"36526463788614"}
{"id":4,"c":"373166787993680"}
{"id":5,"c":"5458515901550239"}
{"id":6,"c":"42424242424242426"}
{"id":7,"c":"424242424242424242"}
{"id":8,"c":"4867449347917222988"}
{"id":9,"c":"5458 5159 0155 0239"}
{"id":10,"c":"5458-5159-0155-0239"}
{"id":11,"c":"3782 822463 10005"}
{"id":12,"c":" 5458515901550239 "}
{"id":13,"c":"4111111111111112"}
{"id":14,"c":5458515901550239}
{"id":15,"c":4867449347917222988}
{"id":16,"c":"\u0035458515901550239"}
{"id":17,"c":null}
{"id":18,"c":""}
{"id":19,"c":"06047695634"}
{"id":20,"c":"48674493479172229881"}
{"id":21,"c":"5458 5159 0155 0239 visa"}
{"id":22,"c":"5458  5159 0155 0239"}
{"id":23,"c":"n/a"}
{"id":24,"c":5.458515901550239e15}
{"id":25,"c":-5458515901550239}
{"id":26,"c":true}
{"id":27,"c":["5458515901550239"]}
{"id":28,"c":{"n":"5458515901550239"}}
{"id":29,"c":545851590155}
{"id":30}
{"c":"5458515901550239","c":"4111111111111111","d":"4111111111111111"}
IN
cat >"$T/want0" <<'OUT'
{"id":1,"c":"********6341"}
{"id":2,"c":"*********3031"}
{"id":3,"c":"**********8614"}
{"id":4,"c":"***********3680"}
{"id":5,"c":"************0239"}
{"id":6,"c":"*************2426"}
{"id":7,"c":"**************4242"}
{"id":8,"c":"***************2988"}
{"id":9,"c":"************0239"}
{"id":10,"c":"************0239"}
{"id":11,"c":"***********0005"}
{"id":12,"c":"************0239"}
{"id":13,"c":"************1112"}
{"id":14,"c":"************0239"}
{"id":15,"c":"***************2988"}
{"id":16,"c":"************0239"}
{"id":17,"c":null}
{"id":18,"c":""}
{"id":19,"c":null}
{"id":20,"c":null}
{"id":21,"c":null}
{"id":22,"c":null}
{"id":23,"c":null}
{"id":24,"c":null}
{"id":25,"c":null}
{"id":26,"c":null}
{"id":27,"c":null}
{"id":28,"c":null}
{"id":29,"c":"********0155"}
{"id":30}
{"c":"************0239","c":"************1111","d":"4111111111111111"}
OUT
run 0 $M --card c --stats "$T/stats" "$T/in"
same "$T/out" "$T/want0"
empty "$T/err"
# 31 records; masked: ids 1-16, 29 and both c of the last = 19; invalid:
# ids 19-28 = 10.
echo '{"tool":"ndjson-mask","records_in":31,"records_out":31,"rejected":0,"cards_masked":19,"scan_masked":0,"dropped":0,"redacted":0,"hashed":0,"invalid_cards":10}' >"$T/wantstats"
same "$T/stats" "$T/wantstats"

# --card-keep-first 6: at most the first six, and never fewer than six
# digits masked (13 digits: 3 kept; 12 digits: 2 kept).
run 0 $M --card c --card-keep-first 6 "$T/in"
sed -n '1,8p;14p' "$T/out" >"$T/got6"
cat >"$T/want6" <<'OUT'
{"id":1,"c":"06******6341"}
{"id":2,"c":"464******3031"}
{"id":3,"c":"3652******8614"}
{"id":4,"c":"37316******3680"}
{"id":5,"c":"545851******0239"}
{"id":6,"c":"424242*******2426"}
{"id":7,"c":"424242********4242"}
{"id":8,"c":"486744*********2988"}
{"id":14,"c":"545851******0239"}
OUT
same "$T/got6" "$T/want6"
run 0 $M --card c --card-keep-first 0 "$T/in"
same "$T/out" "$T/want0"
run 0 $M --card c --card-keep-first 4 "$T/in"
has "$T/out" '^\{"id":5,"c":"5458\*{8}0239"\}$'

# several fields in one list and over several options
echo '{"a":"5458515901550239","b":"x","c":"4111 1111 1111 1111"}' >"$T/two"
run 0 $M --card a --card c "$T/two"
has "$T/out" '^\{"a":"\*{12}0239","b":"x","c":"\*{12}1111"\}$'
run 0 $M --card a,c "$T/two"
has "$T/out" '^\{"a":"\*{12}0239","b":"x","c":"\*{12}1111"\}$'
# an escaped key names the field too
printf '%s\n' '{"\u0061":"5458515901550239"}' >"$T/esc"
run 0 $M --card a "$T/esc"
has "$T/out" '^\{"\\u0061":"\*{12}0239"\}$'
