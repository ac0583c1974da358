# Two terminals of the same user, each with a form open, both killed: the next start offers
# both drafts, one after the other, each naming its form and case. A form still open in a
# live terminal is never offered to another one.
. "$(dirname "$0")/lib.sh"

make_db 10
sv participant add --fnr 15059010295 --name "Ådne Ås" --permit_on 01.02.2025 --settled_on 15.03.2025 \
    --right_duty rett_plikt --schooling vgs >/dev/null || fail "participant add"

# term NAME: a second (third ...) terminal, the program's pid in $TMP/pid-NAME
term() {
    T -f /dev/null new-session -d -s "$1" -x 100 -y 30 \
        "cd '$TMP' && sh -c 'echo \$\$ > pid-$1; exec \"$BIN\" --db \"$DB\" start'; sleep 120"
}
on() { s=$1; shift; T send-keys -t "$s" "$@"; }
shot() { T capture-pane -p -t "$1"; }
sel_on() {
    i=0
    while ! T capture-pane -e -p -t "$1" | grep -aE "$(printf '\033')\[([0-9]*;)*7m" | grep -qF -- "$2"; do
        [ $i -lt 30 ] || fail "fant ikke «$2» i terminal $1"
        T send-keys -t "$1" Down; sleep 0.1; i=$((i + 1))
    done
}
wait_on() {
    n=100
    while [ $n -gt 0 ]; do shot "$1" | grep -qF -- "$2" && return 0; sleep 0.1; n=$((n - 1)); done
    echo "----- $1 -----"; shot "$1"; fail "ventet på «$2» i terminal $1"
}

start 100 30
wait_for "Deltakere"
T has-session -t keep 2>/dev/null || T -f /dev/null new-session -d -s keep -x 20 -y 5 "sleep 600"
term b
wait_on b "Deltakere"

# terminal a: a new participant, two fields typed
keys n
wait_for "Ny: Deltaker"
keys Enter; typ 01018510002; keys Enter
typ "Astrid Først"; keys Enter
wait_for "Astrid Først"
# terminal b: Ådne's case, a new training need
on b / ; T send-keys -t b -l "ådne"; on b Enter
wait_on b "1 av 1"
on b Enter
wait_on b "+ Nytt opplæringsbehov"
sel_on b "+ Nytt opplæringsbehov"
on b Enter
wait_on b "Ny: Opplæringsbehov"
on b Enter; T send-keys -t b -l norsk; on b Enter
T send-keys -t b -l "Norsk for helsefag"; on b Enter
wait_on b "Norsk for helsefag"

# while both live, a third start offers neither
term c
wait_on c "Deltakere"
sleep 0.5
shot c | grep -q "Ulagret utkast" && fail "et skjema som er åpent i en annen terminal ble tilbudt"
on c q
sleep 0.3

# both killed at once (no chance to clean up)
kill -9 "$(cat "$TMP/pid")" "$(cat "$TMP/pid-b")"
sleep 0.3
start 100 30
wait_for "Ulagret utkast"
first=$(screen)
keys j
wait_for "Utkastet er hentet fram"
keys Escape
wait_for "Ulagrede endringer"
keys l
# the second draft is offered once back on the list (after the first is dealt with)
n=0
while ! screen | grep -q "Ulagret utkast" && [ $n -lt 40 ]; do
    keys Escape; sleep 0.2; n=$((n + 1))
    screen | grep -q "Ulagrede endringer" && keys f
    screen | grep -q "Avslutte stegvis" && keys n
done
wait_for "Ulagret utkast"
second=$(screen)
printf '%s\n%s\n' "$first" "$second" | grep -q "Deltaker (ny)" || fail "utkastet fra terminal a ble ikke tilbudt"
printf '%s\n%s\n' "$first" "$second" | grep -q "Opplæringsbehov (ny) i saken til" || fail "utkastet fra terminal b ble ikke tilbudt med saken"
keys j
wait_for "Utkastet er hentet fram"
wait_for "Norsk for helsefag"
echo "$NAME: ok"
