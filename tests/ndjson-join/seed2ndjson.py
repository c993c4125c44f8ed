#!/usr/bin/env python3
"""Convert the three seed exports to NDJSON roughly as the pipeline's
extract + clean stages would (snake_case, "__" flattening, trimmed values,
empty -> null, phone_no -> phone_number), so ndjson-join can be tested on
the real shapes without the other tools.  Card fields are masked here.
Usage: seed2ndjson.py SEED_DIR OUT_DIR"""
import csv, json, os, re, sys
import xml.etree.ElementTree as ET

def snake(k):
    k = re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', k)
    k = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', k)
    return k.lower()

def val(v):
    v = (v or '').strip()
    return v if v else None

def flat(e, pre, out):
    for c in e:
        k = pre + snake(c.tag)
        if len(c):
            flat(c, k + '__', out)
        else:
            out[k] = val(c.text)

seed, out = sys.argv[1], sys.argv[2]
with open(os.path.join(seed, 'customers.csv'), newline='') as f, \
        open(os.path.join(out, 'sales.ndjson'), 'w') as o:
    for r in csv.DictReader(f):
        o.write(json.dumps({k: val(v) for k, v in r.items()},
                           ensure_ascii=False, separators=(',', ':')) + '\n')
with open(os.path.join(seed, 'customers_subscriptions.json')) as f, \
        open(os.path.join(out, 'marketing.ndjson'), 'w') as o:
    for r in json.load(f):
        o.write(json.dumps({k: val(v) for k, v in r.items()},
                           ensure_ascii=False, separators=(',', ':')) + '\n')
with open(os.path.join(out, 'billing.ndjson'), 'w') as o:
    for e in ET.parse(os.path.join(seed, 'customers_billing.xml')).getroot():
        r = {}
        flat(e, '', r)
        r['phone_number'] = r.pop('phone_no', None)
        c = r.get('card_details__card_number')
        if c:
            r['card_details__card_number'] = '*' * (len(c) - 4) + c[-4:]
        r.pop('card_details__cvv', None)
        o.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
