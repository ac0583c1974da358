#!/bin/sh
# Keystroke storm: types a long random stream into every screen of the program in tmux (keys of
# every screen, control keys, F-keys, escape sequences, invalid UTF-8 bytes, a pasted 10 KB text,
# resizes) and checks that it never crashes: each run ends by quitting with status 0 (or 130 after
# a Ctrl-C), no sanitizer report, and the database passes integrity_check afterwards.
# Usage: sh tests/stress/keys.sh BIN [--quick]. KEYS_SEED makes a run reproducible (the seed
# is printed); KEYS_ROUNDS overrides the number of rounds (one screen each).
. "$(dirname "$0")/../screens/lib.sh"
QUICK=0
[ "${2:-}" = "--quick" ] && QUICK=1
SEED=${KEYS_SEED:-$(date +%s)}
if [ $QUICK -eq 1 ]; then ROUNDS=${KEYS_ROUNDS:-7}; PER=60; else ROUNDS=${KEYS_ROUNDS:-26}; PER=150; fi
# The sanitizer build's leak report at exit would be about ncurses' own allocations.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export EDITOR=true   # a long text opened in $EDITOR comes back unchanged at once

# Every screen, by the keys that lead there from the participant list.
SCREENS="list:|search:/|help:?|case:Enter|step5:Enter 5 Enter|decision:Enter v|history:Enter H|muni:m|catalogue:m 2|\
measure:m 2 n|agreement:m 4 Enter|deadlines:d|checklist:c|participant:n"

# The pasted text: 10 KB of Norwegian words, æøå, tabs and newlines, the same for a seed.
awk -v s="$SEED" 'BEGIN { srand(s); split("arbeid|språkpraksis|Ålesund|fødselsnummer|«sitat»|37,5|01.02.2025|æøå|ÆØÅ|\t|;|\\|%s|%n", w, "|")
    n = 0; while (n < 10240) { t = w[int(rand() * 14) + 1]; if (rand() < 0.05) t = t "\n"; printf "%s ", t; n += length(t) + 1 } }' >"$TMP/paste.txt"

# The stream for round r: one tmux action per line. K: key names, H: raw bytes in hex, R: resize,
# P: paste the 10 KB text. Ctrl-Z (suspend), Ctrl-S/Ctrl-Q (flow control) and Ctrl-\ (SIGQUIT)
# are left out: they act on the terminal, not the program.
stream() {
    awk -v s="$SEED" -v r="$1" -v n="$PER" 'BEGIN {
        srand(s * 1000 + r)
        split("Up Down Left Right Home End PPage NPage Enter Enter Enter Tab BTab BSpace DC IC Escape Space", nav, " ")
        split("F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12", fk, " ")
        split("C-a C-b C-d C-e C-f C-g C-h C-k C-l C-n C-o C-p C-r C-t C-u C-v C-w C-x C-y C-c", ctl, " ")
        split("1b5b 1b4f 1b5b313b3541 1b5b3230307e 1b5b3230317e 1b5b4d202020 1b5b3f3235 1b1b 1b5b3939393939393939397e 1b5b41", esc, " ")
        split("ff fe c328 a0a1 e28228 f0288c28 c080 eda080 80 f8a1a1a1a1 c3", bad, " ")
        keys = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?.,-_:;!\"#%&()=+<>*"
        for (i = 0; i < n; i++) {
            x = rand()
            if (x < 0.35) printf "K %s\n", substr(keys, int(rand() * length(keys)) + 1, 1)
            else if (x < 0.60) printf "K %s\n", nav[int(rand() * 18) + 1]
            else if (x < 0.66) printf "K %s\n", fk[int(rand() * 12) + 1]
            else if (x < 0.72) printf "K %s\n", ctl[int(rand() * 20) + 1]
            else if (x < 0.80) printf "H %s\n", esc[int(rand() * 10) + 1]
            else if (x < 0.88) printf "H %s\n", bad[int(rand() * 11) + 1]
            else if (x < 0.95) printf "L %s\n", (rand() < 0.5 ? "æøå" : "ÆØÅ é")
            else if (x < 0.985) printf "R %d %d\n", 10 + int(rand() * 190), 3 + int(rand() * 60)
            else printf "P\n"
        }
    }'
}

# Starts the program with its stderr kept for the sanitizer check.
run_prog() {
    rm -f "$TMP/exit" "$TMP/pid"
    T has-session -t keep 2>/dev/null || T -f /dev/null new-session -d -s keep -x 20 -y 5 "sleep 600"
    T kill-session -t t 2>/dev/null
    T -f /dev/null new-session -d -s t -x 80 -y 24 \
        "cd '$TMP' && sh -c 'echo \$\$ > pid; exec \"$BIN\" --db \"$DB\" start 2>>\"$TMP/stderr\"'; echo \$? > '$TMP/exit'; sleep 120"
    T set-option -t t remain-on-exit on >/dev/null 2>&1
}

# Checks an ended run: status 0, or 130 when a Ctrl-C of the stream ended it; no sanitizer report.
check_exit() {
    st=$(cat "$TMP/exit")
    case "$st" in 0 | 130) ;; *) fail "runde $round ($name, frø $SEED): programmet endte med status $st" ;; esac
    if grep -q -e "AddressSanitizer" -e "runtime error" -e "LeakSanitizer" "$TMP/stderr" 2>/dev/null; then
        cat "$TMP/stderr"
        fail "runde $round ($name, frø $SEED): rapport fra sanitizer"
    fi
    restarts=$((restarts + 1))
}

alive() {
    [ -s "$TMP/exit" ] && return 1
    kill -0 "$(cat "$TMP/pid" 2>/dev/null)" 2>/dev/null
}

# Leaves the program from wherever the stream ended: Escape backs out of screens and dialogs; a
# form with unsaved changes asks first (Escape there means "keep writing"), answered with f;
# the participant list asks before the program ends, answered with j; the built-in editor asks
# before changed text is thrown away, answered with f.
# A paste of 10 KB is 10,000 keys; under the sanitizers the program may need a while to work
# through them. Busy is not stuck: wait (up to two minutes) until its CPU time stops growing.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$(cat "$TMP/pid")/stat" 2>/dev/null; }
wait_idle() {
    w=0
    while [ $w -lt 400 ] && ! [ -s "$TMP/exit" ]; do
        t1=$(cpu_ticks); sleep 0.3; t2=$(cpu_ticks)
        [ "$t1" = "$t2" ] && return 0
        w=$((w + 1))
    done
    [ -s "$TMP/exit" ] || fail "runde $round ($name, frø $SEED): programmet blir ikke ferdig med tastene (over 2 min)"
}

quit_prog() {
    T resize-window -t t -x 80 -y 24 2>/dev/null
    wait_idle
    i=0
    while [ $i -lt 100 ] && ! [ -s "$TMP/exit" ]; do
        if screen 2>/dev/null | grep -qF "Ulagrede endringer"; then keys f
        elif screen 2>/dev/null | grep -qF "Avslutte stegvis?"; then keys j
        elif screen 2>/dev/null | grep -qF "Teksten er endret"; then keys f
        else keys Escape; fi
        sleep 0.1
        i=$((i + 1))
    done
    [ -s "$TMP/exit" ] || fail "runde $round ($name, frø $SEED): programmet lar seg ikke avslutte med Esc"
    check_exit
}

echo "keys: frø $SEED ($(basename "$BIN"))"
make_db 30
sent=0
restarts=0
START=$(date +%s)
round=0
while [ $round -lt "$ROUNDS" ]; do
    entry=$(printf '%s' "$SCREENS" | tr '|' '\n' | sed -n "$((round % 14 + 1))p")
    name=${entry%%:*}
    nav=${entry#*:}
    run_prog
    wait_for "Deltakere" 20
    # shellcheck disable=SC2086
    for key in $nav; do keys "$key"; sleep 0.15; done
    stream "$round" >"$TMP/stream"
    k=0   # not n: the helpers of screens/lib.sh count with n
    while read -r kind a b; do
        if ! alive; then
            [ -s "$TMP/exit" ] || { sleep 0.3; [ -s "$TMP/exit" ] || fail "runde $round ($name): prosessen er borte uten status"; }
            check_exit
            run_prog
            wait_for "Deltakere" 20
        fi
        case $kind in
        K) keys "$a" ;;
        H) T send-keys -t t -H $(printf '%s' "$a" | sed 's/../& /g') ;;
        L) typ "$a" ;;
        R) T resize-window -t t -x "$a" -y "$b" ;;
        P) T load-buffer "$TMP/paste.txt" && T paste-buffer -t t ;;
        esac
        k=$((k + 1))
        # Let the program keep up now and then, so keys land on the screens they lead to.
        [ $((k % 15)) -eq 0 ] && sleep 0.05
    done <"$TMP/stream"
    sent=$((sent + k))
    alive || [ -s "$TMP/exit" ] || fail "runde $round ($name): prosessen er borte"
    quit_prog
    ok=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
    [ "$ok" = ok ] || fail "runde $round ($name): integrity_check: $ok"
    round=$((round + 1))
done
sv list --limit 1 >/dev/null || fail "databasen kan ikke leses etter stormen"
echo "keys: $ROUNDS runder over 14 skjermbilder, $sent tastehendelser, $restarts avslutninger, $(($(date +%s) - START)) s, ingen krasj, integrity_check ok (frø $SEED, $(basename "$BIN"))"
# The long run also storms the sanitizer build briefly when one is built (make check builds it).
if [ $QUICK -eq 0 ] && [ -x "$ROOT/build/stegvis-san" ] && [ "$(basename "$BIN")" != stegvis-san ]; then
    KEYS_SEED=$SEED sh "$0" "$ROOT/build/stegvis-san" --quick || exit 1
fi
