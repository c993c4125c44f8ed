#!/usr/bin/env python3
"""bench-peer-pipeline.py: the pipeline of scripts/etl.sh written with the
Python standard library only, as the benchmark's peer: CSV, JSON and XML
extraction, cleaning (snake_case, trim, empty -> null, UK phone to E.164,
dates, e-mail), card masking, two dict joins, a hash customer_id, and a
SQLite load in one transaction.  It is not a reference implementation
(its phone rule is simpler than ndjson-clean's), only a fair peer.
Usage: bench-peer-pipeline.py DATA_DIR DB"""
import csv, hashlib, json, re, sqlite3, sys
import xml.etree.ElementTree as ET

data, dbpath = sys.argv[1], sys.argv[2]
CAMEL = re.compile(r'(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])')
NONDIGIT = re.compile(r'\D')
SPACES = re.compile(r'\s+')

def snake(k):
    return CAMEL.sub('_', k).replace(' ', '_').replace('-', '_').lower()

def val(v):
    if v is None:
        return None
    v = v.strip()
    return v or None

def phone(p):
    if p is None:
        return None
    p = re.sub(r'(?i)(ext|x)\.?\s*\d+$', '', p).replace('(0)', '')
    d = NONDIGIT.sub('', p)
    if d.startswith('0044'):
        d = d[4:]
    elif d.startswith('44') and len(d) >= 11:
        d = d[2:]
    d = d.lstrip('0')
    return '+44' + d if len(d) in (9, 10) else None

def date(s):
    if s is None:
        return None
    m = re.match(r'^(\d{4})-(\d\d)-(\d\d)', s) or None
    if m:
        return '%s-%s-%s' % m.groups()
    m = re.match(r'^(\d\d)/(\d\d)/(\d{4})$', s)
    return '%s-%s-%s' % (m.group(3), m.group(2), m.group(1)) if m else None

def email(s):
    s = s.lower() if s else None
    return s if s and re.match(r'^[^@\s]+@[^@\s]+\.[^@\s]+$', s) else None

def fold(v):
    return SPACES.sub(' ', v).strip().lower() if isinstance(v, str) else ''

sales = []
with open(data + '/customers.csv', newline='', encoding='utf-8-sig') as f:
    for r in csv.DictReader(f):
        r = {snake(k): val(v) for k, v in r.items()}
        r['phone_number'] = phone(r.get('phone_number'))
        r['dob'] = date(r.get('dob'))
        r['email'] = email(r.get('email'))
        sales.append(r)
with open(data + '/customers_subscriptions.json', encoding='utf-8') as f:
    mkt = [{snake(k): val(v) if isinstance(v, str) else v for k, v in r.items()}
           for r in json.load(f)]
billing = []
for ev, e in ET.iterparse(data + '/customers_billing.xml'):
    if e.tag != 'Customer':
        continue
    r = {}
    for c in e:
        if len(c):
            for g in c:
                r[snake(c.tag) + '__' + snake(g.tag)] = val(g.text)
        else:
            r[snake(c.tag)] = val(c.text)
    r['phone_number'] = phone(r.pop('phone_no', None))
    card = r.get('card_details__card_number')
    if card:
        d = NONDIGIT.sub('', card)
        r['card_details__card_number'] = '*' * (len(d) - 4) + d[-4:]
    r.pop('card_details__cvv', None)
    billing.append(r)
    e.clear()

def join(left, right, keys):
    table = {}
    for r in right:
        k = tuple(fold(r.get(f)) for f in keys)
        if any(k):
            table.setdefault(k, r)
    for l in left:
        k = tuple(fold(l.get(f)) for f in keys)
        m = table.get(k) if any(k) else None
        if m:
            for f, v in m.items():
                if f not in keys and f not in l:
                    l[f] = v
    return left

rows = join(join(sales, mkt, ['customer_type', 'first_name', 'last_name',
                              'company_name']),
            billing, ['first_name', 'last_name', 'company_name', 'phone_number'])
ID = ['customer_type', 'first_name', 'last_name', 'company_name', 'email',
      'phone_number', 'dob']
cols = ['customer_id', 'customer_type', 'first_name', 'last_name',
        'company_name', 'email', 'phone_number', 'dob', 'sex',
        'subscription_type', 'payment_method', 'billing_address__street',
        'billing_address__city', 'billing_address__postcode',
        'card_details__card_number', 'card_details__expiry_date']
db = sqlite3.connect(dbpath)
with db:
    db.execute('DROP TABLE IF EXISTS customers_transformed')
    db.execute('CREATE TABLE customers_transformed (%s)' % ', '.join(cols))
    seen = set()
    out = []
    for r in rows:
        h = hashlib.sha256('\0'.join(fold(r.get(f)) for f in ID).encode())
        i = int.from_bytes(h.digest()[:8], 'big') & ((1 << 53) - 1)
        if i in seen:
            continue
        seen.add(i)
        r['customer_id'] = i
        out.append([r.get(c) for c in cols])
    db.executemany('INSERT INTO customers_transformed VALUES (%s)' %
                   ', '.join('?' * len(cols)), out)
db.close()
