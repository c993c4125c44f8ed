# csv2ndjson: invalid UTF-8 rejects the record; valid UTF-8 passes raw;
# a byte-order mark is dropped, even when it arrives a byte at a time
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b\n1,\303\251\342\234\223\360\237\230\200\n' >ok.csv
for bad in '\377' '\300\200' '\355\240\200' '\364\220\200\200' '\342\234' \
    '\200' '\365\200\200\200' '\340\200\257'; do
	printf "a,b\n1,2\n\"x$bad\",\"y\nz\"\n3,4\n" >bad.csv
	run 1 $CSV2NDJSON bad.csv
	printf '{"a":"1","b":"2"}\n{"a":"3","b":"4"}\n' >want
	same out want
	[ "$(cat err)" = "csv2ndjson: bad.csv:3: invalid UTF-8 in field 1" ] ||
	    fail "$bad: $(cat err)"
done
printf 'a,b\n1,2\n"x\377","y\nz"\n3,4\n' >bad.csv
run 0 $CSV2NDJSON --rejects rej bad.csv
printf '{"file":"bad.csv","line":3,"error":"invalid UTF-8 in field 1","record":"\\"x\357\277\275\\",\\"y\\nz\\""}\n' >want
same rej want
run 0 $CSV2NDJSON ok.csv
printf '{"a":"1","b":"\303\251\342\234\223\360\237\230\200"}\n' >want
same out want
# BOM: stripped from the first key; only at the very start of a file.
printf '\357\273\277a,b\n1,2\n' >bom.csv
run 0 $CSV2NDJSON bom.csv bom.csv
printf '{"a":"1","b":"2"}\n{"a":"1","b":"2"}\n' >want
same out want
printf '\357\273\277' >bomonly.csv
run 0 $CSV2NDJSON bomonly.csv
empty out
printf 'a,b\n\357\273\2771,2\n' >midbom.csv
run 0 $CSV2NDJSON midbom.csv
printf '{"a":"\357\273\2771","b":"2"}\n' >want
same out want
# A partial BOM is data.
printf '\357\273x,b\n1,2\n' >half.csv
run 1 $CSV2NDJSON half.csv
has err 'half.csv:1: bad header: invalid UTF-8 in field 1'
# Through a pipe one byte per write: the BOM and every record are split.
printf '\357\273\277a,b\r\n"1\r\n2",3\r\n4,5' >slow.csv
$PY -c '
import os, sys, time
data = open(sys.argv[1], "rb").read()
for i in range(len(data)):
    os.write(1, data[i:i + 1])
    time.sleep(0.002)
' slow.csv | $CSV2NDJSON --source s >out
printf '{"a":"1\\r\\n2","b":"3","s":"<stdin>:2"}\n{"a":"4","b":"5","s":"<stdin>:4"}\n' >want
same out want
