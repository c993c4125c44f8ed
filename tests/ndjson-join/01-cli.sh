# ndjson-join: options, usage errors, missing files, bad records, full disk
. "$TOP/tests/lib.sh"
common_cli ndjson-join
cd "$T"
printf '{"k":"a","x":1}\n{"k":"b","x":2}\n' >l
printf '{"k":"a","y":10}\n' >r
for args in "l r" "-k k l" "-k k l r extra" "-k k - -" "--left-key k l r" \
    "--left-key k,j --right-key k l r" "-k k --left-key k --right-key k l r" \
    "-k k --type outer l r" "-k k --dups many l r" "-k k --prefer x l r" \
    "-k k --identity nope l r" "-k k --require nope l r" "--id id l" \
    "--id-from a l" "--id id --id-from a l r" "--decorate l" \
    "--decorate -k k l r" "-k , l r" "-k k --id id --id-from a --id-bits 0 l r"; do
	run 2 $NDJSON_JOIN $args
	empty "$T/out"
	has "$T/err" "^ndjson-join: "
done
run 0 $NDJSON_JOIN -k k l r
printf '{"k":"a","x":1,"y":10}\n{"k":"b","x":2}\n' >want
same "$T/out" want
# Either side may be stdin.
run 0 sh -c "$NDJSON_JOIN -k k - r <l"
same "$T/out" want
run 0 sh -c "$NDJSON_JOIN -k k l - <r"
same "$T/out" want
# Missing files: exit 1, named.
run 1 $NDJSON_JOIN -k k nosuch r
has "$T/err" "^ndjson-join: nosuch: "
run 1 $NDJSON_JOIN -k k l nosuch
has "$T/err" "^ndjson-join: nosuch: "
run 1 $NDJSON_JOIN -k k --unmatched /nonexistent/dir/u l r
run 1 $NDJSON_JOIN -k k --stats /nonexistent/dir/s l r
run 1 $NDJSON_JOIN -k k --rejects /nonexistent/dir/j l r
# A full disk is an error.
run 1 sh -c "$NDJSON_JOIN -k k l r >/dev/full"
has "$T/err" "write error"
run 1 $NDJSON_JOIN -k k --unmatched /dev/full l r
# Bad records: file:line, the others still joined, exit 1.
printf '{"k":"a","x":1}\n[1]\n\n{"k":"b",}\n{"k":"b","x":2}\n' >bad
run 1 $NDJSON_JOIN -k k bad r
has "$T/err" "^ndjson-join: bad:2: record is not a JSON object"
has "$T/err" "^ndjson-join: bad:4:10: "
same "$T/out" want
run 1 $NDJSON_JOIN -k k l bad
has "$T/err" "^ndjson-join: bad:2: "
# With --rejects they go there and the status stays 0.
run 0 $NDJSON_JOIN -k k --rejects rej --stats st bad r
same "$T/out" want
empty "$T/err"
[ "$(wc -l <rej)" -eq 2 ] || fail "rejects: $(cat rej)"
has rej '^\{"file":"bad","line":2,"error":"record is not a JSON object","record":"\[1\]"\}$'
has st '"rejected":2'
# -u flushes each record; output is the same.
run 0 $NDJSON_JOIN -u -k k l r
same "$T/out" want
