# xml2ndjson: external entities: no file read, no connection attempt
. "$TOP/tests/lib.sh"
. "$TOP/tests/xml2ndjson/helpers.sh"
A=$CONF/xml-attacks
[ -d "$A" ] || skip "no xml-attacks suite"
set +e
timeout 20 $XML2NDJSON -r Customers/Customer "$A/xxe-local-file.xml" \
    >"$T/out" 2>"$T/err"
st=$?
set -e
[ "$st" -eq 1 ] || fail "xxe-local-file: exit $st"
err1 'xxe-local-file\.xml:3:[0-9]+: entity declarations are not supported'
for f in out err; do
	hasnt "$T/$f" 'root:|/bin/(ba)?sh|nologin'
done
# The network case: watch connect(2) when strace works here, and in any
# case run a listener on 127.0.0.1:9 that records any connection.
$PY - "$T/listen" <<'PY' &
import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", 9))
except OSError:
    open(sys.argv[1] + ".no", "w").close()
    sys.exit(0)
s.listen(5)
s.settimeout(0.2)
open(sys.argv[1] + ".up", "w").close()
end = time.time() + 15
while time.time() < end:
    try:
        c, _ = s.accept()
        open(sys.argv[1], "a").write("connected\n")
        c.close()
    except socket.timeout:
        pass
    import os
    if os.path.exists(sys.argv[1] + ".stop"):
        break
PY
lpid=$!
i=0
while [ ! -f "$T/listen.up" ] && [ ! -f "$T/listen.no" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
tracer=
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	tracer="strace -f -e trace=connect,socket -o $T/trace"
	# LeakSanitizer cannot run under ptrace; the untraced runs check.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
fi
set +e
timeout 20 $tracer $XML2NDJSON -r Customers/Customer "$A/xxe-network.xml" \
    >"$T/out" 2>"$T/err"
st=$?
set -e
touch "$T/listen.stop"
wait $lpid || true
[ "$st" -eq 1 ] || fail "xxe-network: exit $st: $(cat "$T/err")"
err1 'xxe-network\.xml:3:[0-9]+: entity declarations are not supported'
[ ! -s "$T/listen" ] || fail "xxe-network: a connection reached 127.0.0.1:9"
if [ -n "$tracer" ]; then
	hasnt "$T/trace" 'connect\(|socket\(AF_INET'
fi
empty "$T/out"

# Without any declaration, a document naming an external DTD is read
# without fetching it, and an entity reference it might define is fatal.
cat >"$T/ext.xml" <<'X'
<?xml version="1.0"?>
<!DOCTYPE Customers SYSTEM "http://127.0.0.1:9/evil.dtd">
<Customers>
  <Customer><FirstName>Hugh</FirstName></Customer>
  <Customer><FirstName>&net;</FirstName></Customer>
</Customers>
X
set +e
$tracer $XML2NDJSON -r Customers/Customer "$T/ext.xml" >"$T/out" 2>"$T/err"
st=$?
set -e
[ "$st" -eq 1 ] || fail "ext: exit $st"
err1 "ext\\.xml:5:[0-9]+: entity 'net' not defined"
echo '{"FirstName":"Hugh"}' >"$T/want"
same "$T/out" "$T/want"
if [ -n "$tracer" ]; then
	hasnt "$T/trace" 'connect\(|socket\(AF_INET'
fi
