# lib.sh: sourced by every test script.  Strict shell, C locale, a private
# temporary directory, and helpers that say what went wrong.
set -eu
LC_ALL=C
export LC_ALL
: "${TOP:?run tests through tests/run.sh or make check}"
: "${TOOLDIR:=$TOP/bin}"
SHARED=${SHARED:-$TOP/../shared}
CONF=$SHARED/conformance
SEED=$SHARED/seed-data
DATA=$TOP/data
# Debian's python3 carries python3-phonenumbers; a pyenv shim may not.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
T=$(mktemp -d "${TMPDIR:-/tmp}/ndj-test.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

# Tool paths, e.g. "$CSV2NDJSON", with an optional VALGRIND prefix.
CSV2NDJSON="${VALGRIND:-} $TOOLDIR/csv2ndjson"
JSON2NDJSON="${VALGRIND:-} $TOOLDIR/json2ndjson"
XML2NDJSON="${VALGRIND:-} $TOOLDIR/xml2ndjson"
NDJSON_CLEAN="${VALGRIND:-} $TOOLDIR/ndjson-clean"
NDJSON_MASK="${VALGRIND:-} $TOOLDIR/ndjson-mask"
NDJSON_JOIN="${VALGRIND:-} $TOOLDIR/ndjson-join"
SQLITE_LOAD="${VALGRIND:-} $TOOLDIR/sqlite-load"
BQ_LOAD="${VALGRIND:-} $TOOLDIR/bq-load"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "$*" >&2
	exit 77
}

# run STATUS CMD...: run CMD with stdout in $T/out and stderr in $T/err,
# and fail unless it exits with STATUS.
run() {
	want=$1
	shift
	set +e
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	set -e
	[ "$got" -eq "$want" ] ||
	    fail "exit $got, want $want: $*; stderr: $(head -c 600 "$T/err")"
}

# has FILE PATTERN: FILE must match the grep -E pattern.
has() {
	grep -Eq -- "$2" "$1" || fail "$1 lacks /$2/: $(head -c 600 "$1")"
}

# hasnt FILE PATTERN: FILE must not match.
hasnt() {
	! grep -Eq -- "$2" "$1" || fail "$1 has /$2/: $(grep -E -- "$2" "$1" | head -3)"
}

# same FILE1 FILE2: byte-identical, else show a diff.
same() {
	cmp -s "$1" "$2" || fail "$1 and $2 differ: $(diff -u "$1" "$2" | head -20)"
}

# empty FILE
empty() {
	[ ! -s "$1" ] || fail "$1 is not empty: $(head -c 300 "$1")"
}

# common_cli TOOL: the checks every tool must pass (options, help, version).
common_cli() {
	cli_bin="$TOOLDIR/$1"
	run 0 $cli_bin --help
	has "$T/out" "^usage: $1"
	run 0 $cli_bin --version
	has "$T/out" "^$1 [0-9]"
	for bad in -Z --no-such-option --no-such-option=1; do
		run 2 $cli_bin $bad
		empty "$T/out"
		has "$T/err" "^$1: "
	done
}
