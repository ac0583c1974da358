# Shared by the screen tests: drive the real binary in a private tmux server, wait for text
# on the screen by polling (never long sleeps), and clean up. Source it with the binary path
# as $1; it sets BIN, ROOT, TMP and DB.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/stegvis-screens.XXXXXX")
DB=$TMP/test.db
SOCK=stegvis-test-$$
NAME=$(basename "$0" .sh)
export STEGVIS_TEMPLATES="$ROOT/templates"
export STEGVIS_USER=kari
# The screens need a UTF-8 locale for æøå; use the C one when the caller has none.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
*UTF-8* | *utf8*) ;;
*) export LC_ALL=C.UTF-8 ;;
esac
unset NO_COLOR EDITOR VISUAL XDG_DOCUMENTS_DIR
# Never the tester's own configuration file or documents: a home of the test's own.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/stegvis"
command -v tmux >/dev/null || { echo "$NAME: tmux mangler (make deps)"; exit 1; }

T() { tmux -L "$SOCK" "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

# sv ARGS: the command line on the test database.
sv() { "$BIN" --db "$DB" "$@"; }

# start W H [VAR=value ...]: opens the screens in a window of W x H; the program's exit
# status lands in $TMP/exit and its pid in $TMP/pid.
start() {
    w=$1 h=$2
    shift 2
    rm -f "$TMP/exit" "$TMP/pid"
    # A second, idle session keeps the server alive between runs: a server whose last session
    # ends exits, and a new session started meanwhile fails.
    T has-session -t keep 2>/dev/null || T -f /dev/null new-session -d -s keep -x 20 -y 5 "sleep 600"
    T kill-session -t t 2>/dev/null
    T -f /dev/null new-session -d -s t -x "$w" -y "$h" \
        "cd '$TMP' && env $* sh -c 'echo \$\$ > pid; exec \"$BIN\" --db \"$DB\" start'; echo \$? > '$TMP/exit'; sleep 120"
    T set-option -t t remain-on-exit on >/dev/null 2>&1
}

screen() { T capture-pane -p -t t; }

fail() {
    echo "$NAME: FEIL: $*"
    echo "----- skjermen -----"
    screen 2>/dev/null
    echo "--------------------"
    exit 1
}

# wait_for TEXT [SECONDS]: polls the screen until TEXT (fixed string) shows.
wait_for() {
    n=$(( ${2:-10} * 10 ))
    while [ "$n" -gt 0 ]; do
        screen 2>/dev/null | grep -qF -- "$1" && return 0
        sleep 0.1
        n=$((n - 1))
    done
    fail "ventet på «$1»"
}

# wait_gone TEXT [SECONDS]
wait_gone() {
    n=$(( ${2:-10} * 10 ))
    while [ "$n" -gt 0 ]; do
        screen 2>/dev/null | grep -qF -- "$1" || return 0
        sleep 0.1
        n=$((n - 1))
    done
    fail "«$1» forsvant ikke"
}

# wait_exit [SECONDS]: waits for the program to end; prints its exit status.
wait_exit() {
    n=$(( ${1:-10} * 10 ))
    while [ "$n" -gt 0 ]; do
        [ -s "$TMP/exit" ] && { cat "$TMP/exit"; return 0; }
        sleep 0.1
        n=$((n - 1))
    done
    fail "programmet avsluttet ikke"
}

keys() { T send-keys -t t "$@"; }
# type TEXT: literal text (æøå included), no key names.
typ() { T send-keys -t t -l -- "$1"; }

# A fresh database with the demo municipality and a few participants, kari as administrator.
make_db() {
    sv demo --participants "${1:-40}" >/dev/null || fail "demo feilet"
}

# selected: the text of the highlighted (reverse video) row(s).
selected() {
    T capture-pane -e -p -t t | grep -aE "$(printf '\033')\[([0-9]*;)*7m" | sed "s/$(printf '\033')\[[0-9;]*m//g"
}

# select TEXT: moves the cursor down (from the top) until the highlighted row holds TEXT.
select_row() {
    keys Home
    sleep 0.1
    i=0
    while [ $i -lt 40 ]; do
        cur=$(selected)
        printf '%s' "$cur" | grep -qF -- "$1" && return 0
        keys Down
        # wait for the highlight to move (or give up at the end of the list)
        n=10
        while [ $n -gt 0 ] && [ "$(selected)" = "$cur" ]; do sleep 0.05; n=$((n - 1)); done
        i=$((i + 1))
    done
    fail "fant ikke raden «$1»"
}

# find_case NAME: from the participant list, searches for NAME and opens its case.
find_case() {
    keys /; typ "$1"; keys Enter
    wait_for "1 av 1"
    keys Enter
    wait_for "Steg"
}

# quit_from SCREEN_ESCAPES: Escape out of that many screens above the case, then the case and
# the list, and quit; fails unless the program ends with status 0.
quit_from() {
    i=0; while [ $i -lt "$1" ]; do keys Escape; wait_for "Steg"; i=$((i + 1)); done
    keys Escape
    wait_for "Søk:"
    keys q
    [ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
}
