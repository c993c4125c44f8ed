# lib.sh: shared by the gen-data tests (sourced after tests/lib.sh).
# gen ARGS...: run scripts/gen-data with $PY; calling the script itself
# (#!/usr/bin/env python3) may go through a slow pyenv shim, so only the
# tests about the executable do that.
GEN=$TOP/scripts/gen-data
gen() {
	$PY "$GEN" "$@"
}
