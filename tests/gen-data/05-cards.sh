# gen-data: card details only for card payers; every card number passes the
# Luhn check with a realistic prefix and length; CVV 3 or 4 digits (or
# missing), expiry MM/YY
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
gen --customers 5000 --seed 11 --out "$T/g"
$PY - "$T/g/customers_billing.xml" <<'PYEOF'
import re, sys
import xml.etree.ElementTree as ET

def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0

def brand(n):
    """Issuer by IIN range, length."""
    L = len(n)
    if n[0] == "4" and L in (13, 16, 19):
        return "visa"
    if (51 <= int(n[:2]) <= 55 or 2221 <= int(n[:4]) <= 2720) and L == 16:
        return "mastercard"
    if n[:2] in ("34", "37") and L == 15:
        return "amex"
    if (300 <= int(n[:3]) <= 305 or n[:2] in ("36", "38")) and L == 14:
        return "diners"
    if (n[:4] == "6011" or n[:2] == "65") and L == 16:
        return "discover"
    if 3528 <= int(n[:4]) <= 3589 and L == 16:
        return "jcb"
    if n[:4] in ("2131", "1800") and L == 15:
        return "jcb15"
    if L == 12 and re.match(r"(50|5[6-8]|6|0604)", n):
        return "maestro"
    return None

# the checker must catch a wrong check digit
assert luhn_ok("79927398713") and luhn_ok("4111111111111111")
assert not luhn_ok("79927398710") and not luhn_ok("4111111111111112")
root = ET.parse(sys.argv[1]).getroot()
brands, cards, bad = {}, 0, []
cvv4 = cvv_empty = 0
for cu in root:
    pay = cu.findtext("PaymentMethod")
    cd = cu.find("CardDetails")
    if (cd is not None) != (pay == "Credit Card"):
        bad.append("CardDetails with PaymentMethod %r" % pay)
        continue
    if cd is None:
        continue
    cards += 1
    n = cd.findtext("CardNumber")
    if not re.fullmatch(r"[0-9]{12,19}", n) or not luhn_ok(n):
        bad.append("card number fails Luhn: " + n)
    b = brand(n)
    if b is None:
        bad.append("unknown card prefix/length: " + n)
    brands[b] = brands.get(b, 0) + 1
    if not re.fullmatch(r"(0[1-9]|1[0-2])/[0-9]{2}", cd.findtext("ExpiryDate")):
        bad.append("expiry " + cd.findtext("ExpiryDate"))
    cvv = cd.findtext("CVV") or ""
    if not re.fullmatch(r"([0-9]{3,4})?", cvv):
        bad.append("cvv " + cvv)
    if b == "amex" and len(cvv) == 3:
        bad.append("amex with a 3-digit cvv")
    cvv4 += len(cvv) == 4
    cvv_empty += cvv == ""
if bad:
    sys.exit("FAIL: " + "; ".join(bad[:5]))
for b in ("visa", "mastercard", "amex", "diners", "discover", "jcb",
          "jcb15", "maestro"):
    if brands.get(b, 0) < cards * 0.02:
        sys.exit("FAIL: too few %s cards: %r" % (b, brands))
if not (cards * 0.05 < cvv4 < cards * 0.25 and 0 < cvv_empty < cards * 0.06):
    sys.exit("FAIL: cvv mix: %d four-digit, %d empty of %d"
             % (cvv4, cvv_empty, cards))
PYEOF
