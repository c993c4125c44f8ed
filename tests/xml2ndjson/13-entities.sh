# xml2ndjson: DTDs, entity declarations, character and predefined references
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
# A DTD without entity declarations is fine (never validated).
cat >"$T/dtd.xml" <<'X'
<?xml version="1.0"?>
<!DOCTYPE r [
  <!ELEMENT r (c*)>
  <!ELEMENT c (#PCDATA)>
  <!ATTLIST c k CDATA "dflt">
]>
<r><c>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;</c></r>
X
run 0 $XML2NDJSON -r c "$T/dtd.xml"
# Attribute defaults from the internal subset apply (XML 1.0, 5.1).
echo '{"@k":"dflt","#text":"<>&'"'"'\"AB"}' >"$T/want"
same "$T/out" "$T/want"
# Any entity declaration, general or parameter, internal or external,
# is refused where it stands.
for decl in '<!ENTITY e "x">' '<!ENTITY % p "x">' \
    '<!ENTITY e SYSTEM "file:///etc/hostname">'; do
	printf '<?xml version="1.0"?>\n<!DOCTYPE r [\n%s\n]>\n<r><c>1</c></r>\n' \
	    "$decl" >"$T/e.xml"
	run 1 $XML2NDJSON -r c "$T/e.xml"
	err1 '^xml2ndjson: .*/e\.xml:3:[0-9]+: entity declarations are not supported$'
	empty "$T/out"
done
# An undeclared entity is fatal, in text and in attributes.
printf '<r>\n<c>&nope;</c></r>\n' >"$T/u.xml"
run 1 $XML2NDJSON -r c "$T/u.xml"
err1 "u\\.xml:2:[0-9]+: entity 'nope' not defined"
empty "$T/out"
printf '<r>\n<c a="&nope;"/></r>\n' >"$T/u2.xml"
run 1 $XML2NDJSON -r c "$T/u2.xml"
err1 "u2\\.xml:2:[0-9]+: entity 'nope' not defined"
empty "$T/out"
# Encodings: a declared ISO-8859-1 document is converted to UTF-8.
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<r><c>caf\351</c></r>\n' >"$T/l1.xml"
run 0 $XML2NDJSON -r c "$T/l1.xml"
printf '{"#text":"caf\303\251"}\n' >"$T/want"
same "$T/out" "$T/want"
# UTF-8 with a BOM.
printf '\357\273\277<r><c>x</c></r>' >"$T/bom.xml"
run 0 $XML2NDJSON -r c "$T/bom.xml"
echo '{"#text":"x"}' >"$T/want"
same "$T/out" "$T/want"
