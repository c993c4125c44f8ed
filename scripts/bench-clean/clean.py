# The ndjson-clean benchmark's transformation in Python (stdlib only):
# snake_case keys, trim, empty strings to null, UK phone numbers to E.164.
import json
import re
import sys

CAMEL1 = re.compile(r"([a-z0-9])([A-Z])")
CAMEL2 = re.compile(r"([A-Z])([A-Z][a-z])")
SEPS = re.compile(r"[^A-Za-z0-9_]+")
PUNCT = re.compile(r"[\s().\-/\u00a0]")
NSN = re.compile(r"[1-9][0-9]{8,9}")
cache = {}


def snake(k):
    s = cache.get(k)
    if s is None:
        s = CAMEL2.sub(r"\1_\2", CAMEL1.sub(r"\1_\2", k))
        s = cache[k] = SEPS.sub("_", s).lower().strip("_")
    return s


def e164(p):
    d = PUNCT.sub("", p)
    if d.startswith("+44"):
        d = d[3:]
        d = d[1:] if d.startswith("0") else d
    elif d.startswith("0044"):
        d = d[4:]
        d = d[1:] if d.startswith("0") else d
    elif d.startswith("0"):
        d = d[1:]
    return "+44" + d if NSN.fullmatch(d) else None


out = sys.stdout
for line in sys.stdin:
    rec = {}
    for k, v in json.loads(line).items():
        if isinstance(v, str):
            v = v.strip() or None
        rec[snake(k)] = v
    if isinstance(rec.get("phone_number"), str):
        rec["phone_number"] = e164(rec["phone_number"])
    out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
