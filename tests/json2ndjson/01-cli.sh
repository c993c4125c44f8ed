# json2ndjson: --help, --version, bad options, bad option arguments
. "$TOP/tests/lib.sh"
common_cli json2ndjson
run 0 $JSON2NDJSON --help
for opt in --any --select --max-record --rejects --unbuffered; do
	has "$T/out" -- "$opt"
done
run 2 $JSON2NDJSON --max-record 12Q /dev/null
empty "$T/out"
has "$T/err" '^json2ndjson: '
run 2 $JSON2NDJSON --max-record 0 /dev/null
empty "$T/out"
run 2 $JSON2NDJSON --max-record -5 /dev/null
empty "$T/out"
run 2 $JSON2NDJSON -e
empty "$T/out"
# A rejects file that cannot be created is an error before any output.
echo '[1]' >"$T/in.json"
run 1 $JSON2NDJSON --rejects "$T/no/such/dir/rej" "$T/in.json"
empty "$T/out"
has "$T/err" "^json2ndjson: $T/no/such/dir/rej: "
