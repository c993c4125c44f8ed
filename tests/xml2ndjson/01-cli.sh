# xml2ndjson: common options, help, version, usage errors
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
common_cli xml2ndjson
run 0 $XML2NDJSON --help
has "$T/out" '--record'
has "$T/out" '--max-depth'
has "$T/out" '--max-record'
has "$T/out" '--rejects'
has "$T/out" '--unbuffered'
printf '<a><b>1</b></a>' >"$T/a.xml"
# --record is required; bad paths and limits are usage errors.
for args in "" "-r /" "-r a//b" "-r a/" "-r :b" "-r p:" "-r a -r b" \
    "-d 0" "-d 10001" "-d x" "-m 3G" "-m nope"; do
	run 2 $XML2NDJSON $args "$T/a.xml"
	empty "$T/out"
	has "$T/err" '^xml2ndjson: '
	hasnt "$T/err" 'Sanitizer|runtime error'
done
run 2 $XML2NDJSON "$T/a.xml"
has "$T/err" 'record is required'
run 2 $XML2NDJSON -r
empty "$T/out"
# Long, short and attached forms all work.
for args in "-r a" "-ra" "--record a" "--record=a" "-r /a" "--record=/a"; do
	run 0 $XML2NDJSON $args "$T/a.xml"
	echo '{"b":"1"}' >"$T/want"
	same "$T/out" "$T/want"
done
run 0 $XML2NDJSON -r a -d 3 -m 1M -u "$T/a.xml"
same "$T/out" "$T/want"
run 0 $XML2NDJSON --record=a --max-depth=3 --max-record=1024 --unbuffered \
    "$T/a.xml"
same "$T/out" "$T/want"
