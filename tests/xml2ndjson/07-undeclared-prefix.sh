# xml2ndjson: an undeclared namespace prefix is fatal, nothing emitted
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
A=$CONF/xml-attacks
[ -d "$A" ] || skip "no xml-attacks suite"
run 1 $XML2NDJSON -r Customers/Customer "$A/undeclared-prefix.xml"
err1 '^xml2ndjson: .*/undeclared-prefix\.xml:4:[0-9]+: namespace prefix x on Name is not defined$'
empty "$T/out"
# An undeclared attribute prefix, too; a declared one is fine.
printf '<r>\n<c><a y:k="1"/></c>\n</r>\n' >"$T/u.xml"
run 1 $XML2NDJSON -r c "$T/u.xml"
err1 'u\.xml:2:[0-9]+: namespace prefix y for k on a is not defined'
empty "$T/out"
printf '<r xmlns:y="urn:y">\n<c><y:a y:k="1"/></c>\n</r>\n' >"$T/d.xml"
run 0 $XML2NDJSON -r c "$T/d.xml"
echo '{"y:a":{"@y:k":"1"}}' >"$T/want"
same "$T/out" "$T/want"
