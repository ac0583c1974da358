# The decision kinds with facts of their own, issued from the decision screen (issue 15 item 3):
# a temporary stop with its type and dates and the advance notice of forvaltningsloven § 16
# recorded from the screen (sent, and the period run), and an ordinary ending with its reason
# and last day. Missing fields are shown as such and stop the draft with core's message; a bad
# date is refused naming the field; the issued documents carry what the screen was given.
. "$(dirname "$0")/lib.sh"

make_db 40
PID=$(sqlite3 "$DB" "SELECT d.participant_id FROM decision d JOIN participant p ON p.id = d.participant_id
    WHERE d.notified_on IS NOT NULL AND d.decided_on <= date('now') AND p.permit_on >= '2021-01-01'
    AND NOT EXISTS(SELECT 1 FROM decision x WHERE x.participant_id = d.participant_id AND x.kind <> 'plan')
    AND NOT EXISTS(SELECT 1 FROM evaluation e WHERE e.participant_id = d.participant_id)
    AND (SELECT planned_end FROM plan WHERE participant_id = d.participant_id) > date('now', '+3 months')
    ORDER BY d.id LIMIT 1")
[ -n "$PID" ] || fail "demoen har ingen løpende sak med vedtatt plan"
PNAME=$(sqlite3 "$DB" "SELECT name FROM participant WHERE id = $PID")
FROM=$(date -d '+7 days' +%d.%m.%Y)
TO=$(date -d '+37 days' +%d.%m.%Y)
SENT=$(date -d '-30 days' +%d.%m.%Y)
BY=$(date -d '-16 days' +%d.%m.%Y)
ISO_FROM=$(date -d '+7 days' +%F)
ISO_TO=$(date -d '+37 days' +%F)

clear_field() { keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace; }
# pick_kind N: the decision kind at place N (0: plan) in the list
pick_kind() {
    select_row "Vedtakstype:"
    keys Enter
    wait_for "Vedtak om avslutning av programmet"
    for _ in 1 2 3 4 5 6 7; do keys k; done
    i=0; while [ $i -lt "$1" ]; do keys j; i=$((i + 1)); done
    keys Enter
}

start 160 50
wait_for "Deltakere"
find_case "$PNAME"
keys v
wait_for "Vedtakstype:"
pick_kind 3
wait_for "Vedtakstype:  Vedtak om stans"
wait_for "Stanstype:    - (må fylles ut)"
wait_for "Forhåndsvarsel: ikke sendt"
wait_for "Vedtaket kan ikke lages ennå: Stanstype: må fylles ut"
select_row "Stanstype:"
keys Enter
wait_for "Varig stans"
keys Enter
wait_for "Stanstype:    Midlertidig stans"
wait_for "Stans til:"
# a date that does not exist is refused, naming the field
select_row "Stans fra:"
keys Enter
wait_for "Stans fra: (dd.mm.åååå"
typ "31.02.2027"; keys Enter
wait_for "Stans fra: «31.02.2027» er ikke en gyldig dato"
select_row "Stans fra:"
keys Enter; wait_for "Stans fra: (dd.mm.åååå"; typ "$FROM"; keys Enter
wait_for "Stans fra:    $FROM"
select_row "Stans til:"
keys Enter; wait_for "Stans til: (dd.mm.åååå"; typ "$TO"; keys Enter
wait_for "Stans til:    $TO"
# no advance notice yet: the rule check stops the stop
wait_for "BRUDD K5"
keys r
wait_for "Skriv: Grunn til vedtaket"
typ "Deltakeren har ikke møtt på seks uker uten gyldig grunn, og har ikke svart på innkallinger."
keys C-x
# the advance notice, sent thirty days ago with a deadline that has run out
select_row "Forhåndsvarsel:"
keys Enter
wait_for "Registrer unntak fra forhåndsvarsel"
keys Enter
wait_for "Forhåndsvarsel sendt:"
clear_field; typ "$SENT"; keys Enter
wait_for "Svarfrist:"
clear_field; typ "$BY"; keys Enter
wait_for "Hva forhåndsvarselet sier"
typ "Kommunen vurderer å stanse programmet midlertidig fordi du ikke har møtt. Du kan uttale deg innen fristen."
keys C-x
wait_for "er registrert: sendt $SENT, svarfrist $BY"
wait_for "Forhåndsvarsel: sendt $SENT"
wait_gone "BRUDD K5"
wait_for "0 brudd"
keys F
wait_for "j = ja"
keys j
wait_for "Vedtaket er fattet"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM decision WHERE participant_id = $PID AND kind = 'stans'")" = 1 ] ||
    fail "stansvedtaket ble ikke lagret"
sv export "$PID" --out "$TMP/stans.xml" >/dev/null 2>&1 || fail "eksporten feilet"
grep -q "<stans type=\"midlertidig\" fra=\"$ISO_FROM\" til=\"$ISO_TO\"/>" "$TMP/stans.xml" || fail "vedtaket mangler stansen: $(grep -o '<stans[^>]*>' "$TMP/stans.xml")"
grep -q "<forhandsvarsel" "$TMP/stans.xml" || fail "vedtaket mangler forhåndsvarselet"

# an ordinary ending: its reason from the list (a permanent stop is not one) and the last day
pick_kind 6
wait_for "Avslutning:   - (må fylles ut)"
select_row "Avslutning:"
keys Enter
wait_for "Avslutningsgrunn"
screen | grep -q "^ *Stans *$" && fail "stans tilbys som avslutningsgrunn"
keys Enter
wait_gone "Avslutning:   - (må fylles ut)"
select_row "Siste dag:"
keys Enter; wait_for "Siste dag: (dd.mm.åååå"; typ "$FROM"; keys Enter
wait_for "Siste dag:    $FROM"
# kept as a draft when the screen is left
keys Escape
wait_for "Steg"
keys v
wait_for "Siste dag:    $FROM"
keys r
wait_for "Skriv: Grunn til vedtaket"
typ "Deltakeren har fått fast jobb som butikkmedarbeider og avslutter programmet."
keys C-x
wait_for "0 brudd"
keys F
wait_for "j = ja"
keys j
wait_for "Vedtaket er fattet"
sv export "$PID" --out "$TMP/slutt.xml" >/dev/null 2>&1 || fail "eksporten feilet"
grep -q "<avslutning grunn=\"[a-z_]*\" dato=\"$ISO_FROM\"/>" "$TMP/slutt.xml" || fail "vedtaket mangler avslutningen"
quit_from 1
echo "$NAME: ok"
