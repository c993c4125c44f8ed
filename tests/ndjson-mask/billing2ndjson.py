#!/usr/bin/env python3
"""billing2ndjson.py XML [N]: the billing XML as NDJSON shaped like
`xml2ndjson --record Customers/Customer | ndjson-clean --rename
phone_no=phone_number` output (snake_case keys, nested elements flattened
with "__", trimmed text, empty text as null), streamed with iterparse.
With N, stop after N records (default: all).  Written independently of
xml2ndjson and ndjson-clean so that ndjson-mask tests need neither."""
import json
import re
import sys
import xml.etree.ElementTree as ET


def snake(name):
    s = re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', name)
    s = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', s)
    return s.lower()


def flatten(elem, prefix, out):
    for child in elem:
        key = prefix + snake(child.tag)
        if len(child):
            flatten(child, key + '__', out)
        else:
            text = (child.text or '').strip()
            out['phone_number' if key == 'phone_no' else key] = text or None


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else -1
    w = sys.stdout
    n = 0
    for event, elem in ET.iterparse(path, events=('end',)):
        if elem.tag != 'Customer':
            continue
        rec = {}
        flatten(elem, '', rec)
        w.write(json.dumps(rec, ensure_ascii=False, separators=(',', ':')))
        w.write('\n')
        elem.clear()
        n += 1
        if n == limit:
            break


if __name__ == '__main__':
    main()
