# xml2ndjson: damaged documents give one clean error or valid NDJSON
. "$TOP/tests/lib.sh"
# A fixed-seed mutation run over the attack files and a namespaced, DTD'd
# fixture: exit 0 or 1 only, at most one message per document (so no
# sanitizer report under SAN=1), and every output line a JSON object.
cat >"$T/ns.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Customers [
  <!ATTLIST Customer id CDATA "d&amp;f">
]>
<Customers xmlns:n="urn:n" xmlns="urn:default">
  <Customer id="1" n:src="c&#38;rm"><n:a>x</n:a><a><![CDATA[q]]>t&lt;</a>
    <a/><b c="1">m<d/>n</b></Customer>
  <Customer>&#x1F370;&#233;<x xml:lang="en">y</x></Customer>
</Customers>
X
$PY - "$TOOLDIR/xml2ndjson" "$CONF/xml-attacks" "$T/ns.xml" <<'PY'
import glob, json, random, subprocess, sys
tool, attacks, extra = sys.argv[1:4]
seeds = [open(f, "rb").read()
         for f in sorted(glob.glob(attacks + "/*.xml")) + [extra] * 3]
bits = [b"<", b">", b"&", b"</a>", b'<a b="&#38;">', b"]]>", b"<![CDATA[",
        b"&amp;", b"\xff", b"<x:y>", b"\n", b'<!ENTITY e "x">', b"&e;",
        b"<Customer>", b"</Customer>", b' xmlns:x="u"']
rnd = random.Random(20261128)
for i in range(60):
    d = bytearray(rnd.choice(seeds))
    for _ in range(rnd.randint(1, 6)):
        p = rnd.randrange(len(d))
        op = rnd.random()
        if op < 0.3:
            d[p] = rnd.randrange(256)
        elif op < 0.6:
            d[p:p] = rnd.choice(bits)
        elif op < 0.8:
            del d[p:p + rnd.randint(1, 20)]
        else:
            q = rnd.randrange(len(d))
            d[p:p] = d[q:q + rnd.randint(1, 200)]
    args = [tool, "-r", rnd.choice(["Customer", "Customers/Customer", "a"]),
            "-d", rnd.choice(["3", "256"]), "-m", rnd.choice(["1K", "64M"])]
    r = subprocess.run(args, input=bytes(d), capture_output=True, timeout=60)
    msgs = r.stderr.count(b"\n") - r.stderr.count(b"record larger")
    if r.returncode not in (0, 1) or msgs > 1:
        open("case.xml", "wb").write(d)
        sys.exit("case %d %s: exit %d: %r" % (i, args[1:], r.returncode,
                                             r.stderr[:400]))
    for line in r.stdout.splitlines():
        assert isinstance(json.loads(line), dict), line
PY
