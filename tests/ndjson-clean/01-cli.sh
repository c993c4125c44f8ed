# ndjson-clean: --help, --version, bad options and bad option arguments
. "$TOP/tests/lib.sh"
common_cli ndjson-clean
run 0 $NDJSON_CLEAN --help
for opt in --date --date-order --drop --email --keep --on-collision --phone \
    --rejects --rename --separator --stats --strict --unbuffered; do
	has "$T/out" -- "$opt"
done
# every bad argument is a usage error: exit 2, empty stdout, a reason
for bad in "--date-order ymd" "--on-collision ignore" "--rename x" \
    "--rename =y" "--rename x=1y" "--rename x=a-b" "--separator ." \
    "--separator a-b" "--separator 12345678901234567" \
    "--phone a --date a" "--date b --email b" "--phone c --email c" \
    "--keep ," "--strict=1" "-u=1"; do
	echo '{"a":1}' >"$T/in"
	run 2 $NDJSON_CLEAN $bad "$T/in"
	empty "$T/out"
	has "$T/err" "^ndjson-clean: "
done
run 2 $NDJSON_CLEAN --separator ''
empty "$T/out"
# missing argument
run 2 $NDJSON_CLEAN --phone
empty "$T/out"
run 2 $NDJSON_CLEAN --strict=1
has "$T/err" "^ndjson-clean: invalid option '--strict=1'$"
run 2 $NDJSON_CLEAN --phone
has "$T/err" "^ndjson-clean: option '--phone' needs an argument$"
run 2 $NDJSON_CLEAN --rename nope
has "$T/err" "^ndjson-clean: invalid rename 'nope'"
