# oracle.py: an independent xml2ndjson for tests, on xml.etree.ElementTree.
# Usage: python3 oracle.py PATH FILE  (PATH like Customers/Customer, from
# the root).  Same documented rules: attributes "@name" first, then the
# trimmed non-blank text as "#text", then children in document order with
# repeated names gathered into an array; a leaf without attributes is its
# exact text; the record element is always an object.
import json
import sys
import xml.etree.ElementTree as ET

WS = " \t\r\n"


def value(e, top=False):
    kids = list(e)
    if not kids and not e.attrib and not top:
        return e.text or ""
    obj = {}
    for k, v in e.attrib.items():
        obj["@" + k] = v
    text = (e.text or "") + "".join(c.tail or "" for c in kids)
    if text.strip(WS):
        obj["#text"] = text.strip(WS)
    groups = {}
    for c in kids:
        groups.setdefault(c.tag, []).append(value(c))
    for tag, vals in groups.items():
        obj[tag] = vals[0] if len(vals) == 1 else vals
    return obj


def main():
    path = sys.argv[1].strip("/").split("/")
    root = ET.parse(sys.argv[2]).getroot()
    if root.tag != path[0]:
        return
    level = [root]
    for name in path[1:]:
        level = [c for e in level for c in e if c.tag == name]
    out = sys.stdout
    for e in level:
        out.write(json.dumps(value(e, True), ensure_ascii=False,
                             separators=(",", ":")) + "\n")


main()
