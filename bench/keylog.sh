#!/bin/sh
# Per-keystroke time measured by the screens themselves: drives `stegvis start` in a private
# tmux server with STEGVIS_KEYLOG set (the program logs key, screen and the microseconds from
# the key to the refreshed screen), sends the scripted keys of bench_list, and prints rows
# for bench/run.sh: what, figure, target, verdict, RSS, command (separated by \037).
# usage: sh bench/keylog.sh BIN DB WORKDIR
set -u
BIN=$1 DB=$2 WORK=$3
SOCK=stegvis-bench-$$
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in *UTF-8* | *utf8*) ;; *) export LC_ALL=C.UTF-8 ;; esac
T() { tmux -L "$SOCK" "$@"; }
trap 'T kill-server 2>/dev/null' EXIT

lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }

# keys LOG KEY...: sends one key at a time and waits (up to 10 s) until the program has
# logged it, so every figure is one key's handling and refresh, not a burst.
keys() {
    log=$1
    shift
    for k in "$@"; do
        before=$(lines "$log")
        T send-keys -t b -- "$k"
        n=100
        while [ "$(lines "$log")" -le "$before" ] && [ $n -gt 0 ]; do sleep 0.02; n=$((n - 1)); done
    done
}

rep() { k=$1; n=$2; while [ "$n" -gt 0 ]; do printf '%s\n' "$k"; n=$((n - 1)); done; }
word() { printf '%s\n' "$1" | sed 's/./&\n/g' | sed '/^$/d'; }

session() {
    log=$1
    rm -f "$log"
    T kill-session -t b 2>/dev/null
    T -f /dev/null new-session -d -s b -x 120 -y 45 \
        "env STEGVIS_KEYLOG='$log' /usr/bin/time -f %M -o '$log.rss' '$BIN' --db '$DB' start"
    n=200
    while ! T capture-pane -p -t b 2>/dev/null | grep -q "av [0-9]" && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
}

finish() {
    log=$1
    keys "$log" q
    n=100
    while [ ! -s "$log.rss" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
}

# stats LOG: "keys median_ms p99_ms" over the logged keystrokes (third column, microseconds)
stats() {
    cut -f3 "$1" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "0 0 0"; exit }
        p = int((NR * 99 + 99) / 100); printf "%d %.2f %.2f\n", NR, v[int(NR / 2) + 1] / 1000, v[p] / 1000 }'
}

row_for() {
    what=$1 log=$2
    set -- $(stats "$log")
    n=$1 med=$2 p99=$3
    rss=$(($(tail -1 "$log.rss" 2>/dev/null || echo 0) / 1024))
    v=$(awk -v m="$med" -v p="$p99" -v n="$n" 'BEGIN { print (n > 0 && m < 16 && p < 50) ? "ok" : "MISSED" }')
    printf '%s\037%s\037%s\037%s\037%s\037%s\n' "$what, $n keys (screens$SCOPE)" "median $med ms, p99 $p99 ms" "<16 / <50 ms" \
        "$v" "$rss" "STEGVIS_KEYLOG=$log $BIN --db $DB start  (keys: sh bench/keylog.sh)"
}

# The screens open on one municipality (the user's, or the first for an administrator), so
# their figures are for that list; bench_list times the list of all municipalities.
SCOPE=$(sqlite3 "$DB" "SELECT ', one municipality of ' || count(*) FROM participant
    WHERE municipality_id = (SELECT min(id) FROM municipality)" 2>/dev/null)

# Scrolling under each sort order: the same script as bench_list.
S=$WORK/keylog-scroll
session "$S"
set --
for sort in 1 2 3 4; do
    [ $sort -gt 1 ] && set -- "$@" r
    set -- "$@" $(rep Down 60) $(rep NPage 20) End $(rep Up 20) $(rep PPage 10) Home
done
keys "$S" "$@"
finish "$S"
row_for "list: scroll" "$S"

# Search as you type: the words of bench_list, typed and erased one character at a time.
Q=$WORK/keylog-search
session "$Q"
for w in "sæther" "mohammed ali" "karimi" "1203" "åse løvås" "qxz" "hussaini" "0101" "fatima" \
    "bjørnstad" "al-hassan" "tesfamariam" "zz" "ole"; do
    keys "$Q" /
    set --
    n=0
    for c in $(word "$w" | sed 's/ /Space/'); do set -- "$@" "$c"; n=$((n + 1)); done
    keys "$Q" "$@" $(rep BSpace $n) Enter
done
finish "$Q"
row_for "list: search" "$Q"
