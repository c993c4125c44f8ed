# ndjson-clean: --email agrees with a python3 regular-expression statement of the documented rule on generated addresses
. "$TOP/tests/lib.sh"
$PY - "$T/in" <<'PY'
import json, random, sys
rnd = random.Random(7)
def part(chars, a, b):
    return "".join(rnd.choice(chars) for _ in range(rnd.randrange(a, b)))
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        local = ".".join(part("abcXY09!#$%&'*+/=?^_`{|}~-", 1, 6)
                         for _ in range(rnd.randrange(1, 3)))
        dom = ".".join(part("abcXY09-", 1, 8) for _ in range(rnd.randrange(1, 4)))
        tld = rnd.choice(["com", "co", "c", "C0M", "xn--p1ai", "xn--", "uk",
                          "-uk", "uk-"])
        s = local + "@" + dom + "." + tld
        if rnd.random() < 0.3:
            j = rnd.randrange(len(s))
            s = s[:j] + rnd.choice([".", "@", "-", "..", " ", "\u00e9", ""]) + s[j + 1:]
        if rnd.random() < 0.1:
            s = "  MailTo:" + s + "\u00a0"
        if rnd.random() < 0.01:
            s = "a" * rnd.choice([64, 65]) + "@" + "b" * rnd.choice([63, 64]) + ".com"
        f.write(json.dumps({"e": s}) + "\n")
PY
run 0 $NDJSON_CLEAN --email e "$T/in"
$PY - "$T/in" "$T/out" <<'PY'
import json, re, sys
L = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
def ref(s):
    s = s.strip(" \t\n\r\x0b\x0c\xa0")
    if s[:7].lower() == "mailto:":
        s = s[7:]
    if not s or len(s) > 254 or any(ord(c) >= 128 for c in s):
        return None
    s = s.lower()
    if s.count("@") != 1:
        return None
    local, dom = s.split("@")
    if len(local) > 64 or not re.fullmatch(L + r"(?:\." + L + r")*", local):
        return None
    labels = dom.split(".")
    if len(dom) > 253 or len(labels) < 2:
        return None
    if not all(re.fullmatch(LABEL, x) for x in labels):
        return None
    t = labels[-1]
    if not (re.fullmatch(r"[a-z]{2,}", t) or (len(t) > 4 and t.startswith("xn--"))):
        return None
    return s
ins = [json.loads(l)["e"] for l in open(sys.argv[1])]
outs = [json.loads(l)["e"] for l in open(sys.argv[2])]
bad = [(s, o, ref(s)) for s, o in zip(ins, outs) if o != ref(s)]
for b in bad[:10]:
    print(b, file=sys.stderr)
assert not bad, len(bad)
valid = sum(1 for o in outs if o)
assert 2000 < valid < 18000, valid
PY
