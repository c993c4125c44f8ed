# json2ndjson: a top-level array streams one compact element per line, text kept
. "$TOP/tests/lib.sh"
# Numbers keep their text, escapes stay as written, raw UTF-8 stays raw,
# whitespace inside strings is kept and only insignificant whitespace goes.
cat >"$T/in.json" <<'IN'
[
    {
        "id": 1,
        "price" : 1.50e3,
        "big": 12345678901234567890123,
        "neg": -0.0E-7,
        "name": "Ren\u00e9e \"Q\" O'Brien",
        "city": "Zürich  ",
        "tags": [ "a" , "b\\c" , [ ] , { } ],
        "sub": { "x" : null, "y" : true, "z": false }
    },
	{"id":2}
   ,
{
"id" : 3 , "empty" : "" }
]
IN
run 0 $JSON2NDJSON "$T/in.json"
cat "$T/out"
empty "$T/err"
# An empty array gives nothing, successfully.
printf ' [ \n ] \n' >"$T/empty.json"
run 0 $JSON2NDJSON "$T/empty.json"
empty "$T/out"
empty "$T/err"
