# Shared by the command-line tests: a private temp dir, and assertions that print what failed.
BIN=${1:?usage: sh test.sh path/to/stegvis}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/stegvis-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export STEGVIS_TEMPLATES="${STEGVIS_TEMPLATES:-$PWD/templates}"
unset STEGVIS_DB STEGVIS_USER
PASS=0
FAIL=0
NAME=$(basename "$0" .sh)

ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL [$NAME]: $*" >&2; }

# expect STATUS CMD... : runs CMD, output in $T/out and $T/err, checks the exit status.
expect() {
    want=$1; shift
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "exit $got (wanted $want): $* :: $(head -c 300 "$T/err")"; fi
}
# has FILE TEXT : FILE contains TEXT
has() { if grep -q -- "$2" "$1"; then ok; else bad "«$2» not in $(basename "$1"): $(head -c 300 "$1")"; fi; }
hasnt() { if grep -q -- "$2" "$1"; then bad "«$2» unexpectedly in $(basename "$1")"; else ok; fi; }

finish() {
    echo "$NAME: $PASS passed, $FAIL failed"
    [ "$FAIL" -eq 0 ]
}
