# ndjson-mask --scan: PANs in free text, nested values, keys and numbers; non-PANs stay
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
cat >"$T/in" <<'IN'
{"note":"paid with 4111 1111 1111 1111 yesterday"}
{"note":"card 5458-5159-0155-0239, exp 08/30"}
{"note":"4222222222222|30569309025904|378282246310005|42424242424242426|424242424242424242|4867449347917222988"}
{"note":"amex 3782 822463 10005 ok"}
{"note":"not luhn 4111111111111112 nor 4111 1111 1111 1112"}
{"note":"too short 060476956341, too long 41111111111111111111"}
{"note":"phone +44 191 496 0910, +441914960841, 2023-02-01"}
{"note":"two 4111111111111111 and 5458515901550239"}
{"note":"line\nbreak 4111111111111111\t\"quoted\""}
{"note":"escaped \u0034111111111111111 digit"}
{"a":[1,"x 4111111111111111",{"b":["5458 5159 0155 0239"]}],"n":4111111111111111,"m":4111111111111112}
{"o":{"deep":{"deeper":"4111-1111-1111-1111"}},"k":12.5,"t":true,"z":null}
{"4111111111111111":"key"}
{"a" : "4111111111111111" , "b" : [ 1 , 2 ]}
{"u":"caf\u00e9 4111111111111111 ☃"}
{"f":4111111111111111.0,"e":4111111111111111e0,"neg":-4111111111111111}
IN
cat >"$T/want" <<'OUT'
{"note":"paid with ************1111 yesterday"}
{"note":"card ************0239, exp 08/30"}
{"note":"*********2222|**********5904|***********0005|*************2426|**************4242|***************2988"}
{"note":"amex ***********0005 ok"}
{"note":"not luhn 4111111111111112 nor 4111 1111 1111 1112"}
{"note":"too short 060476956341, too long 41111111111111111111"}
{"note":"phone +44 191 496 0910, +441914960841, 2023-02-01"}
{"note":"two ************1111 and ************0239"}
{"note":"line\nbreak ************1111\t\"quoted\""}
{"note":"escaped ************1111 digit"}
{"a":[1,"x ************1111",{"b":["************0239"]}],"n":"************1111","m":4111111111111112}
{"o":{"deep":{"deeper":"************1111"}},"k":12.5,"t":true,"z":null}
{"************1111":"key"}
{"a":"************1111","b":[1,2]}
{"u":"café ************1111 ☃"}
{"f":"************1111.0","e":"************1111e0","neg":"-************1111"}
OUT
run 0 $M --scan --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
empty "$T/err"
# 1+1+6+1+0+0+0+2+1+1+3+1+1+1+1+3 = 23 PANs
has "$T/stats" '"records_in":16,"records_out":16,"rejected":0,"cards_masked":0,"scan_masked":23,'

# keep-first applies to scanned PANs as well
run 0 $M --scan --card-keep-first 6 "$T/in"
has "$T/out" '^\{"note":"paid with 411111\*{6}1111 yesterday"\}$'

# without --scan nothing changes but white space
run 0 $M "$T/in"
sed '14s/.*/{"a":"4111111111111111","b":[1,2]}/' "$T/in" >"$T/want2"
same "$T/out" "$T/want2"

# --card fields are masked by the card rule, not counted twice
echo '{"c":"4111111111111111","d":"4111111111111111"}' >"$T/c"
run 0 $M --scan --card c --stats "$T/stats" "$T/c"
has "$T/out" '^\{"c":"\*{12}1111","d":"\*{12}1111"\}$'
has "$T/stats" '"cards_masked":1,"scan_masked":1,'
