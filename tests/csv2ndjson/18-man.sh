# csv2ndjson: the man page is lint-clean and its EXAMPLES run on data/
. "$TOP/tests/lib.sh"
command -v mandoc >/dev/null || skip "no mandoc"
page=$TOP/man/csv2ndjson.1
mandoc -Tlint -Wwarning "$page" >"$T/lint" 2>&1 || fail "lint: $(cat "$T/lint")"
# The page documents every long option of --help.
$TOOLDIR/csv2ndjson --help >"$T/help"
mandoc -Tascii "$page" | col -b >"$T/page"
for opt in $(grep -o -- '--[a-z-]*' "$T/help" | sort -u); do
	grep -qF -- "$opt" "$T/page" || fail "man page lacks $opt"
done
# Run each "$ command" of EXAMPLES in a directory with data/customers.csv.
mkdir "$T/run" "$T/run/data"
if [ -f "$DATA/customers.csv" ]; then
	cp "$DATA/customers.csv" "$T/run/data/"
else
	cp "$SEED/customers.csv" "$T/run/data/"
fi
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | $PY -c '
import sys
cmd, out, inbd = None, [], False
for line in sys.stdin:
    line = line.rstrip("\n").replace("\\e", "\\")
    if line.startswith(".Bd") or line.startswith(".Ed"):
        inbd = line.startswith(".Bd")
        continue
    if not inbd:
        continue
    if cmd is not None and (cmd.endswith("\\") or cmd.endswith("|")):
        cmd += "\n" + line
        continue
    if line.startswith("$ "):
        if cmd is not None:
            print(cmd + "\0" + "\n".join(out) + "\0", end="")
        cmd, out = line[2:], []
    elif cmd is not None:
        out.append(line)
if cmd is not None:
    print(cmd + "\0" + "\n".join(out) + "\0", end="")
' >"$T/examples"
[ -s "$T/examples" ] || fail "no examples found"
$PY - "$T/examples" "$T/run" "$TOOLDIR" <<'PY'
import os, subprocess, sys
parts = open(sys.argv[1]).read().split("\0")
env = dict(os.environ, PATH=sys.argv[3] + ":" + os.environ["PATH"])
n = 0
for cmd, want in zip(parts[0::2], parts[1::2]):
    if "jq" in cmd and subprocess.call(["sh", "-c", "command -v jq"],
                                       stdout=subprocess.DEVNULL):
        continue
    r = subprocess.run(["sh", "-ec", cmd],
                       cwd=sys.argv[2], env=env, capture_output=True,
                       text=True)
    assert r.returncode == 0, (cmd, r.returncode, r.stderr)
    if want:
        assert r.stdout.rstrip("\n") == want, (cmd, r.stdout[:300], want)
    n += 1
assert n >= 4, n
PY
