# bench-lib.sh: helpers for scripts/bench pieces (sourced).
#   bench_row LABEL INPUT COMMAND   run COMMAND (a shell string) with INPUT
#       on stdin and stdout to /dev/null; print one table row with the
#       input size, wall time, MB/s and peak RSS of the whole command.
#   bench_note TEXT                 a row of free text (e.g. a skipped peer)

bench_header() {
	echo "| what | input MB | wall s | MB/s | peak RSS MB |"
	echo "|---|---:|---:|---:|---:|"
}

bench_row() {
	label=$1 input=$2 cmd=$3
	bytes=$(wc -c <"$input")
	if ! /usr/bin/time -f '%e %M' -o "$BENCH_DIR/.time" \
	    sh -c "$cmd" <"$input" >/dev/null 2>"$BENCH_DIR/.err"; then
		echo "| $label | failed: $(head -c 200 "$BENCH_DIR/.err" | tr '\n|' '  ') | | | |"
		return 0
	fi
	# /usr/bin/time reports the largest RSS of any process it waited for.
	awk -v l="$label" -v b="$bytes" '
	    { s = $1; if (s < 0.001) s = 0.001;
	      printf "| %s | %.1f | %.2f | %.1f | %.1f |\n",
	          l, b / 1e6, s, b / 1e6 / s, $2 / 1024 }' "$BENCH_DIR/.time"
}

bench_note() {
	echo "| $* | | | | |"
}
