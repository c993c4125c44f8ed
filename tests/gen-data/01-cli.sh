# gen-data: --help, usage errors exit 2 with empty stdout, I/O errors exit 1
. "$TOP/tests/lib.sh"
. "$TOP/tests/gen-data/lib.sh"
# the script runs as an executable
run 0 "$GEN" --help
has "$T/out" "^usage: gen-data"
has "$T/out" "--customers N"
for bad in -Z --no-such-option --customers --customers=x --customers=-1 \
    --seed=y extra-operand; do
	run 2 gen $bad --out "$T/x"
	empty "$T/out"
	has "$T/err" "^usage: gen-data"
done
# the output directory is created, nested if need be
run 0 gen --customers 3 --out "$T/a/b/c"
empty "$T/out"
empty "$T/err"
for f in customers.csv customers_subscriptions.json customers_billing.xml; do
	[ -s "$T/a/b/c/$f" ] || fail "$f not written"
done
# --out naming a regular file: exit 1 with a message, nothing on stdout
: >"$T/plain"
run 1 gen --customers 3 --out "$T/plain"
empty "$T/out"
has "$T/err" "^gen-data: .*plain"
# a file that cannot be written
if [ -w /dev/full ]; then
	run 1 gen --customers 3 --out "$T/d" --manifest /dev/full
	has "$T/err" "^gen-data: "
fi
