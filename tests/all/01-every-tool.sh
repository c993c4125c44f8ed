# every tool has --help, --version, option errors, a lint-clean man page
# and a README section
. "$TOP/tests/lib.sh"
n=0
for src in "$TOP"/cmd/*.c; do
	tool=$(basename "$src" .c)
	n=$((n + 1))
	[ -x "$TOOLDIR/$tool" ] || fail "$tool was not built"
	common_cli "$tool"
	page=$TOP/man/$tool.1
	[ -f "$page" ] || fail "$tool has no man page"
	mandoc -Tlint -Wwarning "$page" >"$T/lint" 2>&1 || true
	empty "$T/lint"
	for sec in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES \
	    "SEE ALSO"; do
		grep -q "^\.Sh $sec" "$page" || fail "$page lacks $sec"
	done
	grep -q "^## $tool" "$TOP/README.md" || fail "README lacks ## $tool"
done
hasnt "$TOP/README.md" '^\(to be written\)'
[ "$n" -gt 0 ] || skip "no tools yet"
