#!/usr/bin/env python3
"""Write the three exports for N customers with known joins, and
expected.json: for each customer email, the subscription and payment
method the pipeline must produce (null where it must not guess).
Usage: gen-known.py SEED N OUTDIR"""
import csv, json, random, sys

seed, n, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(seed)
FIRST = ['Zoe', 'Sam', 'Mary Ann', 'Jo', 'Li', 'Ann', 'Omar', 'Ruth']
LAST = ['Edwards', 'Lee', 'Smith', "O'Neil", 'Khan', 'Begum', 'Young']
CO = ['Acme', 'Stone plc', 'Jones Inc', 'Ng & Co', 'Hall Ltd']

def phone(i):
    """A UK drama-range number in three written forms (sales, billing)."""
    kind = i % 3
    if kind == 0:
        d = '20 7946 %04d' % (i % 10000)
        return '+44 ' + d, '0' + d.replace(' ', '')
    if kind == 1:
        d = '113 496 %04d' % (i % 10000)
        return '(0' + d[:3] + ') ' + d[4:], '+44' + d.replace(' ', '')
    d = '7700 900%03d' % (i % 1000)
    return '0' + d, '+44 (0)' + d

def variant(s):
    if s == '' or rnd.random() < 0.6:
        return s
    return rnd.choice([s.upper(), s.lower(), '  ' + s + ' ', s.replace(' ', '  ')])

people = []
for i in range(n):
    biz = rnd.random() < 0.2
    p = {'type': 'Business' if biz else 'Individual',
         'first': '' if biz else rnd.choice(FIRST),
         'last': '' if biz else rnd.choice(LAST) + str(i),
         'co': rnd.choice(CO) + ' ' + str(i) if biz else '',
         'email': 'c%d@example.com' % i,
         'phone': phone(i) if rnd.random() > 0.1 else ('', ''),
         'sub': rnd.choice(['Basic', 'Premium', 'Free', 'Enterprise']),
         'pay': rnd.choice(['Credit Card', 'PayPal', 'Direct Debit']),
         'in_mkt': rnd.random() > 0.05, 'in_bill': rnd.random() > 0.05}
    people.append(p)
# Two people sharing a name: with different subscriptions (ambiguous:
# neither gets one) and with the same (both get it).
for k, same in ((0, False), (1, True)):
    a = people[10 + 2 * k]
    b = dict(a, email='twin%d@example.com' % k, phone=phone(5000 + k),
             in_mkt=True, in_bill=True)
    a['in_mkt'] = a['in_bill'] = True
    b['sub'] = a['sub'] if same else ('Free' if a['sub'] != 'Free' else 'Basic')
    a['twin'] = b['twin'] = not same
    people.append(b)
# A sales customer with no name at all never matches.
people.append({'type': 'Individual', 'first': '', 'last': '', 'co': '',
               'email': 'noname@example.com', 'phone': ('', ''), 'sub': 'Premium',
               'pay': 'PayPal', 'in_mkt': True, 'in_bill': True, 'noname': True})
rnd.shuffle(people)

with open(out + '/customers.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['customer_type', 'first_name', 'last_name', 'company_name',
                'email', 'phone_number', 'dob', 'sex'])
    for p in people:
        w.writerow([p['type'], p['first'], p['last'], p['co'], p['email'].upper()
                    if rnd.random() < 0.1 else p['email'], p['phone'][0],
                    '1980-01-%02d' % rnd.randrange(1, 29), ''])
mkt = [{'customer_type': variant(p['type']), 'first_name': variant(p['first']),
        'last_name': variant(p['last']), 'company_name': variant(p['co']),
        'subscription_type': p['sub']} for p in people if p['in_mkt']]
mkt += [{'customer_type': 'Individual', 'first_name': 'Extra', 'last_name': str(i),
         'company_name': '', 'subscription_type': 'Free'} for i in range(5)]
rnd.shuffle(mkt)
json.dump(mkt, open(out + '/customers_subscriptions.json', 'w'), indent=4)

def x(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace("'", '&apos;')
def el(tag, s):
    return '<%s>%s</%s>' % (tag, x(s), tag) if s else '<%s />' % tag
bill = [p for p in people if p['in_bill']]
extra = [{'first': 'Ghost', 'last': str(i), 'co': '', 'phone': ('', ''),
          'pay': 'PayPal'} for i in range(4)]
rnd.shuffle(bill)
with open(out + '/customers_billing.xml', 'w') as f:
    f.write("<?xml version='1.0' encoding='utf-8'?>\n<Customers>")
    for i, p in enumerate(bill + extra):
        f.write('<Customer>' + el('FirstName', variant(p['first'])) +
                el('LastName', variant(p['last'])) + el('CompanyName', p['co']) +
                el('PhoneNo', p['phone'][1]) + el('PaymentMethod', p['pay']) +
                '<BillingAddress><Street>%d High St\nFlat 2</Street><City>London</City>'
                '<Postcode>E1 6AN</Postcode></BillingAddress>' % i)
        if p['pay'] == 'Credit Card':
            f.write('<CardDetails><CardNumber>4%015d</CardNumber>'
                    '<ExpiryDate>05/29</ExpiryDate><CVV>%03d</CVV></CardDetails>'
                    % (i * 7919, i % 1000))
        f.write('</Customer>')
    f.write('</Customers>\n')
exp = {}
for p in people:
    named = not p.get('noname')
    exp[p['email']] = {
        'subscription_type': p['sub'] if named and p['in_mkt'] and not p.get('twin') else None,
        'payment_method': p['pay'] if named and p['in_bill'] else None}
json.dump(exp, open(out + '/expected.json', 'w'), indent=1)
