# xml2ndjson: conformance xml-attacks: cdata-attrs and UTF-16 with BOM
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
A=$CONF/xml-attacks
[ -d "$A" ] || skip "no xml-attacks suite"
jsame() {	# compare two NDJSON files line by line as JSON values
	$PY - "$1" "$2" <<'PY' || fail "$1 and $2 differ as JSON"
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], "rb")]
b = [json.loads(l) for l in open(sys.argv[2], "rb")]
sys.exit(a != b)
PY
}
for f in cdata-attrs utf16-bom utf16-bom.utf8; do
	exp=$A/${f%.utf8}.expected.ndjson
	run 0 $XML2NDJSON --record Customers/Customer "$A/$f.xml"
	empty "$T/err"
	jsame "$T/out" "$exp"
	# We promise document order and compact output: bytes match too.
	same "$T/out" "$exp"
done
