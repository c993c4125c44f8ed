# ndjson-mask: dotted paths into nested objects (unflattened billing records)
. "$TOP/tests/lib.sh"
M=$NDJSON_MASK
NDJSON_MASK_KEY=k
export NDJSON_MASK_KEY
cat >"$T/in" <<'IN'
{"FirstName":"Gerald","CardDetails":{"CardNumber":"36526463788614","ExpiryDate":"05/24","CVV":"513"},"PhoneNo":"x"}
{"FirstName":"Hugh","CardDetails":null}
{"FirstName":"Ann","CardDetails":[{"CardNumber":"36526463788614"}]}
{"CardDetails" : { "CVV" : 1 , "CardNumber" : 5458515901550239, "Extra" : { "A" : [ 1 ] , "B" : "y" } } }
{"CardDetails":{"\u0043VV":"513","Extra":{"A":"z","B":"w"}},"CardDetails.CVV":"999"}
{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":{"j":{"k":{"l":{"m":{"n":{"o":{"p":{"q":"deep"}}}}}}}}}}}}}}}}}
IN
# HASH_v: the oracle's HMAC-SHA256 of v under key "k"
hmac() {
	printf '%s' "$1" | openssl dgst -sha256 -hmac k | sed 's/.*= //'
}
sed "s/HASH_y/$(hmac y)/; s/HASH_w/$(hmac w)/" >"$T/want" <<'OUT'
{"FirstName":"Gerald","CardDetails":{"CardNumber":"**********8614","ExpiryDate":null},"PhoneNo":"x"}
{"FirstName":"Hugh","CardDetails":null}
{"FirstName":"Ann","CardDetails":[{"CardNumber":"36526463788614"}]}
{"CardDetails":{"CardNumber":"************0239","Extra":{"A":[1],"B":"HASH_y"}}}
{"CardDetails":{"Extra":{"A":"z","B":"HASH_w"}}}
{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":{"j":{"k":{"l":{"m":{"n":{"o":{"p":null}}}}}}}}}}}}}}}}
OUT
run 0 $M --card CardDetails.CardNumber --drop CardDetails.CVV \
    --redact CardDetails.ExpiryDate,a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p \
    --hash CardDetails.Extra.B --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
has "$T/stats" '"cards_masked":2,"scan_masked":0,"dropped":4,"redacted":2,"hashed":2,'
# a dotted path has at most 16 names
run 2 $M --redact a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q "$T/in"
empty "$T/out"
has "$T/err" 'more than 16 names in a dotted path'
