# ndjson-clean: --phone agrees with python3-phonenumbers (libphonenumber) on thousands of generated numbers
. "$TOP/tests/lib.sh"
$PY -c 'import phonenumbers' 2>/dev/null || skip "python3-phonenumbers missing"
# gen.py writes the inputs (NDJSON {"p": ...}) and their kinds
$PY - "$T/in" "$T/kinds" <<'PY'
import json, random, sys
rnd = random.Random(20261128)

def digits(n):
    return "".join(rnd.choice("0123456789") for _ in range(n))

def nsn():
    """A UK national significant number of 9 or 10 digits."""
    k = rnd.randrange(14)
    if k == 0: return "20" + digits(8)                       # London
    if k == 1: return rnd.choice(["113", "114", "115", "116", "117", "118",
                   "121", "131", "141", "151", "161", "191"]) + digits(7)
    if k == 2: return "1632960" + digits(3)                  # drama
    if k == 3: return "7700900" + digits(3)                  # drama mobile
    if k == 4: return "7" + rnd.choice("1234579") + digits(8)   # mobiles
    if k == 5: return "1" + rnd.choice("2345689") + digits(8)   # 01xxx
    if k == 6: return rnd.choice(["28", "29", "23", "24"]) + digits(8)
    if k == 7: return "289018" + digits(3)                   # 9 digits
    if k == 8: return "292018" + digits(3)
    if k == 9: return rnd.choice(["800", "808", "300", "330", "345", "370",
                   "843", "844", "845", "870", "871", "900", "909", "560",
                   "550"]) + digits(7)
    if k == 10: return "800" + digits(6)                     # 9 digits
    if k == 11: return "16977" + digits(4)                   # 9 digits
    if k == 12: return rnd.choice("123456789") + digits(9)   # anything
    return rnd.choice("123456789") + digits(8)

def groups(s):
    """Split s into 1 to 4 groups joined by one separator."""
    sep = rnd.choice([" ", " ", "-", ".", "", "\u00a0", "/"])
    cuts = sorted(rnd.sample(range(1, len(s)), rnd.randrange(0, 3)))
    parts, last = [], 0
    for c in cuts + [len(s)]:
        parts.append(s[last:c])
        last = c
    return sep.join(parts)

def area_split(n):
    a = 2 if n[0] in "25" or n.startswith("7") and rnd.random() < 0.3 else \
        rnd.choice([3, 4, 5] if n[0] == "1" else [3, 4])
    return n[:a], n[a:]

def written(n):
    k = rnd.randrange(20)
    a, rest = area_split(n)
    if k == 0: s = "0" + n
    elif k == 1: s = "0" + a + " " + groups(rest)
    elif k == 2: s = "(0" + a + ") " + groups(rest)
    elif k == 3: s = "(0" + a + ")" + rest
    elif k == 4: s = "+44" + n
    elif k == 5: s = "+44 " + a + " " + groups(rest)
    elif k == 6: s = "+44(0)" + groups(n)
    elif k == 7: s = "+44 (0) " + a + " " + groups(rest)
    elif k == 8: s = "0044 " + groups(n)
    elif k == 9: s = "0044" + n
    elif k == 10: s = "44 " + groups(n)
    elif k == 11: s = "44" + n
    elif k == 12: s = "tel:+44-" + a + "-" + rest
    elif k == 13: s = "tel:0" + n
    elif k == 14: s = "+44 0" + a + " " + groups(rest)
    elif k == 15: s = rnd.choice(["(+44) ", "+(44) ", "(+44)"]) + groups(n)
    elif k == 16: s = groups(n)                      # no prefix at all
    elif k == 17: s = "0" + groups(n)
    elif k == 18: s = "+44 " + groups(n)
    else: s = "0" + a + "-" + groups(rest)
    ext = rnd.randrange(12)
    if ext == 0: s += " x" + digits(rnd.randrange(1, 5))
    elif ext == 1: s += " ext " + digits(rnd.randrange(1, 5))
    elif ext == 2: s += " ext. " + digits(3)
    elif ext == 3: s += "#" + digits(2)
    elif ext == 4: s += " Extension " + digits(4)
    elif ext == 5 and s.startswith("tel:"): s += ";ext=" + digits(2)
    if rnd.random() < 0.1:
        s = rnd.choice([" ", "\u00a0", "  "]) + s + rnd.choice([" ", "\u00a0", ""])
    return s

def invalid():
    k = rnd.randrange(8)
    if k == 0:                                 # letters inside
        s = list(written(nsn()))
        s.insert(rnd.randrange(len(s) + 1), rnd.choice("ABCxyzO"))
        return "letters", "".join(s)
    if k == 1:                                 # local number, no area code
        return "short", groups(rnd.choice("2345689") + digits(rnd.choice([5, 6])))
    if k == 2:                                 # too short with trunk 0
        return "short", "0" + groups(rnd.choice("12") + digits(rnd.randrange(4, 7)))
    if k == 3:                                 # too long
        return "long", "0" + groups(rnd.choice("12379") + digits(rnd.randrange(10, 13)))
    if k == 4:
        return "long", "+44 " + groups(rnd.choice("12379") + digits(rnd.randrange(10, 13)))
    if k == 5:
        return "short", "+44 " + groups(rnd.choice("12379") + digits(rnd.randrange(3, 7)))
    if k == 6:
        return "junk", rnd.choice(["n/a", "unknown", "-", "TBC", "none",
                                   "+", "()", "0", "ext 12", "phone"])
    return "short", "(0" + digits(3) + ") " + digits(rnd.randrange(1, 4))

def foreign():
    k = rnd.randrange(3)
    if k == 0: return "+1 " + rnd.choice(["650", "212", "415"]) + " " + rnd.choice("2345") + digits(2) + " " + digits(4)
    if k == 1: return "+33 " + rnd.choice("1234569") + " " + groups(digits(8))
    return "+353 " + rnd.choice(["1", "21", "61"]) + " " + digits(3) + " " + digits(4)

with open(sys.argv[1], "w") as f, open(sys.argv[2], "w") as g:
    for i in range(6000):
        r = rnd.random()
        if r < 0.75: kind, s = "valid", written(nsn())
        elif r < 0.95: kind, s = invalid()
        else: kind, s = "foreign", foreign()
        f.write(json.dumps({"p": s}, ensure_ascii=False) + "\n")
        g.write(kind + "\n")
PY
run 0 $NDJSON_CLEAN --phone p --stats "$T/stats" "$T/in"
cp "$T/out" "$T/cleaned"
$PY - "$T/in" "$T/kinds" "$T/cleaned" "$T/stats" <<'PY'
import json, sys
import phonenumbers as pn
ins = [json.loads(l)["p"] for l in open(sys.argv[1])]
kinds = open(sys.argv[2]).read().split()
outs = [json.loads(l)["p"] for l in open(sys.argv[3])]
assert len(ins) == len(kinds) == len(outs) == 6000
bad, compared, nulls = [], 0, 0
for s, kind, got in zip(ins, kinds, outs):
    try:
        n = pn.parse(s, "GB")
        e164 = pn.format_number(n, pn.PhoneNumberFormat.E164)
        uk910 = (n.country_code == 44 and not n.italian_leading_zero and
                 len(str(n.national_number)) in (9, 10))
    except pn.NumberParseException:
        n, e164, uk910 = None, None, False
    if kind == "valid":
        # every generated UK number has a 9- or 10-digit NSN
        if not uk910:
            bad.append(("oracle disagrees with the generator", s, e164))
        elif got != e164:
            bad.append(("differs", s, e164, got))
        compared += 1
    elif kind == "foreign":
        if got != e164:
            bad.append(("foreign differs", s, e164, got))
    else:
        # letters, too short, too long, junk: all null
        if got is not None:
            bad.append((kind + " not null", s, got))
        # and apart from letters, outside the oracle's 9-10 range too
        if kind != "letters" and uk910:
            bad.append((kind + " has a 9/10-digit NSN", s, e164))
        nulls += 1
    # where libphonenumber finds a UK 9/10-digit NSN and the text has no
    # letters, the two always agree
    if uk910 and kind != "letters" and got != e164:
        bad.append(("not equal", s, e164, got))
for b in bad[:20]:
    print(b, file=sys.stderr)
assert not bad, "%d mismatches" % len(bad)
assert compared > 4000 and nulls > 800, (compared, nulls)
st = json.load(open(sys.argv[4]))["fields"]["p"]
assert st["invalid"] == nulls and st["seen"] == 6000, (st, nulls)
PY
