# ndjson-mask: the man page is lint-clean, names every option, and its EXAMPLES run when the tools are there
. "$TOP/tests/lib.sh"
command -v mandoc >/dev/null || skip "no mandoc"
man=$TOP/man/ndjson-mask.1
mandoc -Tlint -Wwarning "$man" >"$T/lint" 2>&1 || fail "mandoc: $(cat "$T/lint")"
run 0 $NDJSON_MASK --help
grep -o -- '--[a-z-]*' "$T/out" | sort -u >"$T/opts"
while read -r o; do
	grep -Eq -- "^\.It .*Fl -${o#--}( |$)" "$man" || fail "man page lacks $o"
done <"$T/opts"
# The EXAMPLES, when the sibling tools and data/ exist.
for t in xml2ndjson ndjson-clean; do
	[ -x "$TOOLDIR/$t" ] || skip "no $t yet: examples not run"
done
[ -f "$DATA/customers_billing.xml" ] || skip "no data/: examples not run"
cd "$T"
mkdir bin
for t in xml2ndjson ndjson-clean ndjson-mask; do
	ln -s "$TOOLDIR/$t" bin/$t
done
ln -s "$DATA" data
PATH=$T/bin:$PATH
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/p' "$man" |
    awk '/^\.Bd/ { on = 1; next } /^\.Ed/ { on = 0; print "#"; next }
	on { gsub(/\\e/, "\\"); print }' >ex.sh
[ -s ex.sh ] || fail "no examples found"
sh -e ex.sh >ex.out 2>ex.err || fail "examples failed: $(head -c 300 ex.err)"
[ -s ex.out ] || fail "examples wrote nothing"
grep -Eq '"card_details__card_number":"\*+[0-9]{4}"' ex.out ||
    fail "examples masked no card"
! grep -q card_details__cvv ex.out || fail "examples kept a CVV"
grep -q '"cards_masked":[1-9]' mask-stats.json || fail "no stats"
