#!/bin/sh
# run.sh: run every unit binary and every tests/<tool>/NN-name.sh; print
# "N passed, N failed".  A test's stdout is compared with NN-name.exp when
# that file exists; exit 77 means skipped.  Usage: run.sh [PATTERN]
# Environment: TOOLDIR (binaries), UNITDIR (unit test binaries).
set -u
cd "$(dirname "$0")/.." || exit 2
TOP=$(pwd)
export TOP TOOLDIR="${TOOLDIR:-$TOP/bin}"
pat=${1:-}
pass=0 fail=0 skip=0 failed=
out=$(mktemp -d "${TMPDIR:-/tmp}/ndj-run.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM

report() {	# name status
	case $2 in
	0) pass=$((pass + 1)); echo "ok   $1" ;;
	77) skip=$((skip + 1)); echo "skip $1: $(tail -n 1 "$out/err")" ;;
	*) fail=$((fail + 1)); failed="$failed $1"; echo "FAIL $1"
	   sed 's/^/    /' "$out/err" | tail -n 30 ;;
	esac
}

if [ -n "${UNITDIR:-}" ] && [ -d "$UNITDIR" ]; then
	for u in "$UNITDIR"/*; do
		[ -x "$u" ] || continue
		name=unit/$(basename "$u")
		case $name in *"$pat"*) ;; *) continue ;; esac
		"$u" >"$out/err" 2>&1
		report "$name" $?
	done
fi

for t in tests/*/[0-9]*.sh; do
	[ -f "$t" ] || continue
	name=${t#tests/}
	name=${name%.sh}
	case $name in *"$pat"*) ;; *) continue ;; esac
	exp=${t%.sh}.exp
	(cd "$out" && sh "$TOP/$t") >"$out/stdout" 2>"$out/err" </dev/null
	st=$?
	if [ "$st" -eq 0 ] && [ -f "$exp" ] &&
	    ! diff -u "$exp" "$out/stdout" >"$out/diff" 2>&1; then
		cat "$out/diff" >>"$out/err"
		st=1
	fi
	report "$name" "$st"
done

[ -n "$failed" ] && echo "failed:$failed"
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
