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
    # Whatever a test did through the program, its database still verifies: every audited row
    # as its history says, the chain whole (a test that breaks a database on purpose works on
    # a copy, or sets NO_FINAL_VERIFY).
    if [ -z "${NO_FINAL_VERIFY:-}" ] && [ -n "${DB:-}" ] && [ -f "$DB" ]; then
        if "$BIN" --db "$DB" verify >"$T/final-verify" 2>&1; then PASS=$((PASS + 1))
        else bad "the database does not verify at the end: $(head -c 400 "$T/final-verify")"; fi
    fi
    echo "$NAME: $PASS passed, $FAIL failed"
    [ "$FAIL" -eq 0 ]
}

# share_with_others DIR UID : copies the binary under test (whichever one the test was given)
# and the templates it reads into DIR inside $T, so that user UID can run them even when the
# clone lives under a private directory such as /root (0700). Sets SBIN and STPL. Returns 1,
# with the reason in SHARE_WHY, when UID cannot reach the copy even so (a private $TMPDIR).
# Needs root (it checks as UID through setpriv).
share_with_others() {
    d=$1
    chmod 0711 "$T" && mkdir -p "$d" && chmod 0755 "$d" || { SHARE_WHY="cannot create $d"; return 1; }
    cp "$BIN" "$d/stegvis" && chmod 0755 "$d/stegvis" || { SHARE_WHY="cannot copy $BIN"; return 1; }
    cp -R "$STEGVIS_TEMPLATES" "$d/templates" && chmod -R a+rX "$d/templates" ||
        { SHARE_WHY="cannot copy the templates"; return 1; }
    SBIN="$d/stegvis"
    STPL="$d/templates"
    if ! setpriv --reuid="$2" --regid="$2" --clear-groups test -x "$SBIN" 2>/dev/null; then
        SHARE_WHY="uid $2 cannot reach $d (is ${TMPDIR:-/tmp} private?)"
        return 1
    fi
    return 0
}
