# ndjson-clean: --email: trimmed, lower-cased, implausible to null
. "$TOP/tests/lib.sh"
cat >"$T/cases" <<'CASES'
"zoe83@gmail.net"	"zoe83@gmail.net"
" Ryan.Steven@Outlook.CO.UK "	"ryan.steven@outlook.co.uk"
"mailto:Info@Stone-Humphreys.com"	"info@stone-humphreys.com"
"o'brien+tag@example.ie"	"o'brien+tag@example.ie"
"zoe@example"	null
"zoe@@example.com"	null
"zoe smith@example.com"	null
"zo..e@example.com"	null
"n/a"	null
""	null
CASES
cut -f1 "$T/cases" | sed 's/^/{"EMail":/; s/$/}/' >"$T/in"
cut -f2 "$T/cases" | sed 's/^/{"e_mail":/; s/$/}/' >"$T/want"
run 0 $NDJSON_CLEAN --email e_mail --stats "$T/stats" "$T/in"
same "$T/out" "$T/want"
has "$T/stats" '"e_mail":\{"seen":10,"changed":8,"nulled":6,"invalid":5,"rejected":0\}'
