# csv2ndjson: --help, --version, bad options and option arguments exit 2
. "$TOP/tests/lib.sh"
common_cli csv2ndjson
run 0 $CSV2NDJSON -V
has "$T/out" "^csv2ndjson 0\.[0-9]"
run 0 $CSV2NDJSON -h
has "$T/out" "--ragged"
printf 'a\n1\n' >"$T/in.csv"
for bad in "--ragged=bogus" "-d ab" "-d \"" "--fields a,a" "--fields a,,b" \
    "--max-record 0" "--max-line 1X" "--source=" "--fields x --source x" \
    "--rejects" "-d"; do
	run 2 $CSV2NDJSON "$T/in.csv" $bad
	empty "$T/out"
	has "$T/err" "^csv2ndjson: "
done
# The hint names the tool's --help.
run 2 $CSV2NDJSON --ragged=sideways "$T/in.csv"
has "$T/err" "ragged"
has "$T/err" "csv2ndjson --help"
# The input was not touched by any of that.
[ "$(cat "$T/in.csv")" = "$(printf 'a\n1')" ] || fail "input changed"
