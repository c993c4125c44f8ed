# bench-lib.sh: helpers for scripts/bench pieces (sourced).
#   bench_row LABEL INPUT COMMAND   run COMMAND (a shell string) with INPUT
#       on stdin and stdout to /dev/null; print one table row with the
#       input size, wall time, MB/s and peak RSS of the whole command.
#   bench_time OUT IN COMMAND...    the best of a few runs of COMMAND with
#       IN on stdin, "wall user sys maxrss_kb" into OUT; non-zero if a run
#       failed.
#   bench_note TEXT                 a row of free text (e.g. a skipped peer)
#
# This machine is a shared VM: the same run can take half as long again
# when a neighbour is busy, and files untouched for a minute are paged
# out.  So every command reads its input once before it is timed (warm
# page cache, for every row alike), and runs up to BENCH_RUNS times (3)
# while the runs so far took under BENCH_BUDGET seconds (20): the row
# shows the fastest run.  Slow peers thus run once, fast tools three times.

BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_BUDGET=${BENCH_BUDGET:-20}

bench_header() {
	echo "| what | input MB | wall s | MB/s | peak RSS MB |"
	echo "|---|---:|---:|---:|---:|"
}

# bench_warm FILE...: read the files, so that no run pays for the disk.
bench_warm() {
	cat "$@" >/dev/null 2>&1 || true
}

bench_time() {
	_out=$1 _in=$2
	shift 2
	_spent=0
	_i=0
	: >"$_out"
	while [ "$_i" -lt "$BENCH_RUNS" ] &&
	    awk -v s="$_spent" -v b="$BENCH_BUDGET" 'BEGIN { exit !(s < b) }'; do
		/usr/bin/time -f '%e %U %S %M' -o "$_out.1" "$@" <"$_in" ||
		    return 1
		cat "$_out.1" >>"$_out"
		_spent=$(awk -v s="$_spent" '{ print s + $1 }' "$_out.1")
		_i=$((_i + 1))
	done
	# The fastest run.
	sort -n "$_out" | head -n 1 >"$_out.1" && mv "$_out.1" "$_out"
}

bench_row() {
	label=$1 input=$2 cmd=$3
	bytes=$(wc -c <"$input")
	bench_warm "$input"
	if ! bench_time "$BENCH_DIR/.time" "$input" \
	    sh -c "$cmd" >/dev/null 2>"$BENCH_DIR/.err"; then
		echo "| $label | failed: $(head -c 200 "$BENCH_DIR/.err" | tr '\n|' '  ') | | | |"
		return 0
	fi
	# /usr/bin/time reports the largest RSS of any process it waited for.
	awk -v l="$label" -v b="$bytes" '
	    { s = $1; if (s < 0.001) s = 0.001;
	      printf "| %s | %.1f | %.2f | %.1f | %.1f |\n",
	          l, b / 1e6, s, b / 1e6 / s, $4 / 1024 }' "$BENCH_DIR/.time"
}

bench_note() {
	echo "| $* | | | | |"
}
