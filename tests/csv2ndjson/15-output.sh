# csv2ndjson: a full disk is an error (exit 1); -u flushes every record
. "$TOP/tests/lib.sh"
cd "$T"
printf 'a,b\n1,2\n' >s.csv
run 1 sh -c "$CSV2NDJSON s.csv >/dev/full"
has err '^csv2ndjson: <stdout>: write error: No space left on device$'
run 1 sh -c "$CSV2NDJSON -u s.csv >/dev/full"
has err 'write error'
# Large output, so that the error hits while converting.
$PY -c '
print("a,b")
for i in range(100000): print("%d,xxxxxxxxxxxxxxxxxxxxxxxx" % i)' >big.csv
run 1 sh -c "$CSV2NDJSON big.csv >/dev/full"
[ "$(grep -c 'write error' err)" -eq 1 ] || fail "one report: $(cat err)"
# -u: each record leaves before the input ends (no deadlock).
$PY - "$TOOLDIR/csv2ndjson" <<'PY'
import select, subprocess, sys
for flag in ("-u", "--unbuffered"):
    p = subprocess.Popen([sys.argv[1], flag], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    p.stdin.write(b"a,b\n1,2\n")
    p.stdin.flush()
    r, _, _ = select.select([p.stdout], [], [], 30)
    assert r, "no record before end of input with " + flag
    assert p.stdout.readline() == b'{"a":"1","b":"2"}\n'
    p.stdin.write(b"3,4\n")
    p.stdin.close()
    assert p.stdout.read() == b'{"a":"3","b":"4"}\n'
    assert p.wait() == 0
PY
