# helpers.sh: sourced by the xml2ndjson tests after tests/lib.sh.

# err1 REGEX: stderr is exactly one line, matching REGEX (so that nothing
# else, such as a sanitizer report, hides behind an expected exit 1).
err1() {
	[ "$(wc -l <"$T/err")" -eq 1 ] ||
	    fail "want one line on stderr: $(head -c 800 "$T/err")"
	has "$T/err" "$1"
}
