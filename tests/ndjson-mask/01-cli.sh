# ndjson-mask: options, help, version and every usage error (exit 2, empty stdout)
. "$TOP/tests/lib.sh"
common_cli ndjson-mask
M=$NDJSON_MASK
echo '{"a":1}' >"$T/in"

run 0 $M --help
for o in --card --card-keep-first --drop --redact --hash --key-file --scan \
    --stats --rejects --unbuffered; do
	has "$T/out" "^ .*$o"
done

# usage errors
usage() {
	run 2 "$@"
	empty "$T/out"
	has "$T/err" '^ndjson-mask: '
}
usage $M --card-keep-first 7 "$T/in"
usage $M --card-keep-first -1 "$T/in"
usage $M --card-keep-first x "$T/in"
usage $M --card a,,b "$T/in"
usage $M --card ""  "$T/in"
usage $M --card
usage $M --card a --drop a "$T/in"
has "$T/err" 'more than one of .*: a$'
usage $M --redact b --hash a,b "$T/in"
# --hash refuses to work without a key
unset NDJSON_MASK_KEY || true
usage $M --hash a "$T/in"
has "$T/err" 'needs a key'
NDJSON_MASK_KEY= usage $M --hash a "$T/in"
usage $M --hash a --key-file "$T/nonexistent" "$T/in"
has "$T/err" 'nonexistent: cannot open key file'
: >"$T/emptykey"
chmod 600 "$T/emptykey"
usage $M --hash a --key-file "$T/emptykey" "$T/in"
has "$T/err" 'empty key'
printf '\n' >"$T/emptykey"
usage $M --hash a --key-file "$T/emptykey" "$T/in"
head -c 5000 /dev/zero | tr '\0' k >"$T/longkey"
chmod 600 "$T/longkey"
usage $M --hash a --key-file "$T/longkey" "$T/in"
has "$T/err" 'longer than'
# a key file that is a directory cannot be read
usage $M --hash a --key-file "$T" "$T/in"

# the key file alone (without --hash) is accepted and unused
run 0 $M --key-file "$T/nonexistent" "$T/in"
has "$T/out" '^\{"a":1\}$'
