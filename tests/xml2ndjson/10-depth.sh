# xml2ndjson: --max-depth (default 256) counts elements from the root
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
nest() {	# nest N: a document N elements deep, on line 2
	$PY -c "import sys; n=int(sys.argv[1]); print('<?xml version=\"1.0\"?>'); print('<r>' + '<d>' * (n - 1) + 'x' + '</d>' * (n - 1) + '</r>')" "$1"
}
nest 256 >"$T/256.xml"
nest 257 >"$T/257.xml"
run 0 $XML2NDJSON -r r "$T/256.xml"
has "$T/out" '"x"'
run 1 $XML2NDJSON -r r "$T/257.xml"
# The 257th <d> opens at column 3 + 256 * 3 + 1.
err1 '^xml2ndjson: .*/257\.xml:2:[0-9]+: depth limit exceeded$'
empty "$T/out"
run 0 $XML2NDJSON -d 257 -r r "$T/257.xml"
has "$T/out" '"x"'
run 0 $XML2NDJSON --max-depth 600 -r r "$T/257.xml"
nest 600 >"$T/600.xml"
run 0 $XML2NDJSON --max-depth=600 -r r "$T/600.xml"
$PY -c "
import json, sys
v = json.load(open(sys.argv[1]))
for _ in range(598): v = v['d']
assert v == {'d': 'x'}, v
" "$T/out"
printf '<a><b><c>1</c></b></a>\n<!-- -->\n' >"$T/3.xml"
run 1 $XML2NDJSON -d 2 -r a "$T/3.xml"
err1 '3\.xml:1:[0-9]+: depth limit exceeded'
empty "$T/out"
run 0 $XML2NDJSON -d 3 -r a "$T/3.xml"
echo '{"b":{"c":"1"}}' >"$T/want"
same "$T/out" "$T/want"
# Records before the deep one are kept; the deep one never appears.
printf '<r><a><b>1</b></a>\n<a><b><c>2</c></b></a><a><b>3</b></a></r>\n' >"$T/4.xml"
run 1 $XML2NDJSON -d 3 -r a "$T/4.xml"
echo '{"b":"1"}' >"$T/want"
same "$T/out" "$T/want"
err1 '4\.xml:2:[0-9]+: depth limit exceeded'
