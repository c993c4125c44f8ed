# xml2ndjson: record by name (any depth) versus path (from the root)
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
cat >"$T/in.xml" <<'X'
<root>
  <item><v>1</v></item>
  <group>
    <item><v>2</v><item><v>3</v></item></item>
  </group>
  <item><v>4</v></item>
</root>
X
# A name matches at any depth; a match inside a record is only a child.
run 0 $XML2NDJSON -r item "$T/in.xml"
cat >"$T/want" <<'X'
{"v":"1"}
{"v":"2","item":{"v":"3"}}
{"v":"4"}
X
same "$T/out" "$T/want"
# A path is anchored at the root, with or without the leading slash.
for p in root/item /root/item; do
	run 0 $XML2NDJSON -r $p "$T/in.xml"
	printf '{"v":"1"}\n{"v":"4"}\n' >"$T/want"
	same "$T/out" "$T/want"
done
run 0 $XML2NDJSON -r root/group/item "$T/in.xml"
echo '{"v":"2","item":{"v":"3"}}' >"$T/want"
same "$T/out" "$T/want"
# A relative path does not float: group/item is not at the root.
run 0 $XML2NDJSON -r group/item "$T/in.xml"
empty "$T/out"
run 0 $XML2NDJSON -r /item "$T/in.xml"
empty "$T/out"
# The root itself.
run 0 $XML2NDJSON -r /root "$T/in.xml"
echo '{"item":[{"v":"1"},{"v":"4"}],"group":{"item":{"v":"2","item":{"v":"3"}}}}' >"$T/want"
same "$T/out" "$T/want"
# No match at all is not an error.
run 0 $XML2NDJSON -r nothing "$T/in.xml"
empty "$T/out"
empty "$T/err"
