# make install puts every tool and its man page under DESTDIR/PREFIX, and
# make uninstall takes them away again
. "$TOP/tests/lib.sh"
d=$T/root
make -s -C "$TOP" install DESTDIR="$d" PREFIX=/opt/ndj SAN="${SAN:-}" \
    >"$T/log" 2>&1 || fail "make install: $(tail -5 "$T/log")"
n=0
for src in "$TOP"/cmd/*.c; do
	tool=$(basename "$src" .c)
	n=$((n + 1))
	[ -x "$d/opt/ndj/bin/$tool" ] || fail "$tool not installed"
	[ -f "$d/opt/ndj/share/man/man1/$tool.1" ] || fail "$tool.1 not installed"
	"$d/opt/ndj/bin/$tool" --version >"$T/v" || fail "$tool --version"
	has "$T/v" "^$tool "
done
[ "$n" -ge 8 ] || fail "only $n tools"
make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/opt/ndj >"$T/log" 2>&1 ||
    fail "make uninstall: $(tail -5 "$T/log")"
left=$(find "$d" -type f | wc -l)
[ "$left" -eq 0 ] || fail "$left files left after uninstall"
