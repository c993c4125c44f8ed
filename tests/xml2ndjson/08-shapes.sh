# xml2ndjson: attributes, arrays, mixed content, CDATA, empties, nesting
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
cat >"$T/in.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<Customers xmlns:n="urn:n">
  <Customer id="1" n:src="crm">
    <Name>Ann</Name>
    <Empty/>
    <Open></Open>
    <Blank>  </Blank>
    <Phone type="home">0123</Phone>
    <Phone type="work">0456</Phone>
    <Tag>a</Tag>
    <Address>
      <Line>1 High St</Line>
      <Line>Flat 2
Smith &amp; Jones yard</Line>
      <City>London</City>
    </Address>
    <Tag>b</Tag>
    <Tag/>
    <Notes>VIP: <![CDATA[<b>x</b> & "y"]]> tail &lt;3 &#233;&#x1F370;</Notes>
    <Mixed>Hello <b>world</b> again <b>twice</b></Mixed>
    <n:Extra>ns</n:Extra>
    <Esc>tab	quote" back\ cr&#13;</Esc>
  </Customer>
  <Customer><Name>Bob</Name></Customer>
  <Customer/>
  <Customer>only text</Customer>
  <Customer a="x &amp; y &#38; z &lt; &quot;q&quot; &#x41;"/>
</Customers>
X
cat >"$T/want" <<'X'
{"@id":"1","@n:src":"crm","Name":"Ann","Empty":"","Open":"","Blank":"  ","Phone":[{"@type":"home","#text":"0123"},{"@type":"work","#text":"0456"}],"Tag":["a","b",""],"Address":{"Line":["1 High St","Flat 2\nSmith & Jones yard"],"City":"London"},"Notes":"VIP: <b>x</b> & \"y\" tail <3 é🍰","Mixed":{"#text":"Hello  again","b":["world","twice"]},"n:Extra":"ns","Esc":"tab\tquote\" back\\ cr\r"}
{"Name":"Bob"}
{}
{"#text":"only text"}
{"@a":"x & y & z < \"q\" A"}
X
run 0 $XML2NDJSON -r Customers/Customer "$T/in.xml"
empty "$T/err"
same "$T/out" "$T/want"
# A prefixed component matches the prefix as written; a bare one the
# local name whatever the prefix.
run 0 $XML2NDJSON -r n:Extra "$T/in.xml"
echo '{"#text":"ns"}' >"$T/want"
same "$T/out" "$T/want"
run 0 $XML2NDJSON -r Extra "$T/in.xml"
same "$T/out" "$T/want"
run 0 $XML2NDJSON -r x:Extra "$T/in.xml"
empty "$T/out"
# Long names take the slow path of the key writer.
$PY -c "
n = 'N' * 300; p = 'P' * 10
print('<r xmlns:%s=\"urn:x\"><c %s:%s=\"1\"><%s>v</%s><%s:%s/></c></r>'
      % (p, p, n, n, n, p, n))" >"$T/long.xml"
run 0 $XML2NDJSON -r c "$T/long.xml"
$PY -c "
import json, sys
n = 'N' * 300; p = 'P' * 10
want = {'@' + p + ':' + n: '1', n: 'v', p + ':' + n: ''}
got = json.loads(open(sys.argv[1]).read())
assert list(got.items()) == list(want.items()), got
" "$T/out"
