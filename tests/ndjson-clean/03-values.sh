# ndjson-clean: trimming (Unicode spaces too), empty strings to null, other values untouched
. "$TOP/tests/lib.sh"
printf '%s\n' \
 '{"a":"  x  ","b":"\u00a0y\u00a0","c":"","d":"   ","e":"\t\n","f":"z"}' \
 '{"a":" é ","b":"\u2003\ufeffw\u200b","c":"in side","d":"a\u00a0b"}' \
 '{"n":1.50e3,"t":true,"f":false,"z":null,"arr":[" a ", ""],"s":"\"q\" "}' \
 '{"a":"  \u0041 ","b":"\n x"}' >"$T/in"
printf '{"a":" \302\240n\302\240 "}\n' >>"$T/in"
run 0 $NDJSON_CLEAN "$T/in"
printf '%s\n' \
 '{"a":"x","b":"y","c":null,"d":null,"e":null,"f":"z"}' \
 '{"a":"é","b":"w","c":"in side","d":"a\u00a0b"}' \
 '{"n":1.50e3,"t":true,"f":false,"z":null,"arr":[" a ",""],"s":"\"q\""}' \
 '{"a":"A","b":"x"}' \
 '{"a":"n"}' >"$T/want"
same "$T/out" "$T/want"
# values are checked with python3's own reading, too
$PY - "$T/in" "$T/out" <<'PY'
import json, sys
ws = ' \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005' \
     '\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff'
for a, b in zip(open(sys.argv[1]), open(sys.argv[2])):
    a, b = json.loads(a), json.loads(b)
    for k, v in a.items():
        if isinstance(v, str):
            v = v.strip(ws) or None
        assert b[k] == v, (k, b[k], v)
PY
