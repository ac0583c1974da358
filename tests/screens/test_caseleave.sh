# Leave decisions in the case screen (step 6): a leave entered through the form from the row
# "+ Ny permisjonssøknad (vedtak)" shows as its line with the days as the kind counts them and
# the effect line; a second, overlapping leave is refused with core's message in the form's
# status line and is not stored.
. "$(dirname "$0")/lib.sh"

make_db 40
q() { sqlite3 "$DB" "$1"; }
# a participant with a decided plan, no leave and no final evaluation, whose programme runs
# from at least a week from now to two months after
ROW=$(q "SELECT p.id, p.name, max(pl.start_on, date('now')) FROM participant p JOIN plan pl ON pl.participant_id = p.id
    WHERE EXISTS(SELECT 1 FROM decision d WHERE d.participant_id = p.id)
    AND NOT EXISTS(SELECT 1 FROM leave l WHERE l.participant_id = p.id)
    AND NOT EXISTS(SELECT 1 FROM evaluation e WHERE e.participant_id = p.id)
    AND pl.start_on <= date('now', '+7 days') AND pl.planned_end >= date('now', '+3 months')
    ORDER BY p.id LIMIT 1")
[ -n "$ROW" ] || fail "demoen har ingen deltaker med vedtatt plan uten permisjon"
PID=${ROW%%|*}
REST=${ROW#*|}
WHO=${REST%|*}
BASE=${REST#*|}
FROM=$(date -d "$BASE +7 days" +%d.%m.%Y)
TO=$(date -d "$BASE +20 days" +%d.%m.%Y)
MID=$(date -d "$BASE +14 days" +%d.%m.%Y)
LATE=$(date -d "$BASE +30 days" +%d.%m.%Y)
TODAY=$(date +%d.%m.%Y)
start 160 60
wait_for "Deltakere"
keys /; typ "$WHO"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Steg"
keys 6
wait_for "Permisjonsvedtak"
wait_for "+ Ny permisjonssøknad (vedtak)"

# new_leave FROM TO: fills the blank leave form (birth leave, granted today) and saves it
new_leave() {
    select_row "+ Ny permisjonssøknad (vedtak)"
    keys Enter
    wait_for "Ny: Permisjon (vedtak)"
    wait_for "saken til $WHO"
    keys Enter; typ fodsel_mor; keys Enter
    typ "$1"; keys Enter
    typ "$2"; keys Enter
    typ ja; keys Enter
    typ "$TODAY"; keys Enter
    # Enter on the last date leaves the cursor on the reasons (not editing): s saves
    wait_for "Grunnen til vedtaket om permisjon"
    keys s
}
new_leave "$FROM" "$TO"
wait_for "Permisjon (vedtak) er lagret."
wait_for "Permisjonsvedtak"
[ "$(q "SELECT count(*) FROM leave WHERE participant_id = $PID AND kind = 'fodsel_mor' AND granted = 1")" = 1 ] ||
    fail "permisjonen ble ikke lagret"
# the line shows the period and its working days, as `leave list` does (one definition)
LINE=$(sv leave list --participant "$PID" | grep -o "Fødsel (mor) $FROM–$TO, [0-9]* virkedager, innvilget $TODAY")
[ -n "$LINE" ] || fail "leave list viser ikke permisjonen: $(sv leave list --participant "$PID")"
wait_for "$LINE"
DAYS=$(echo "$LINE" | sed 's/.*, \([0-9]*\) virkedager.*/\1/')
[ "$DAYS" -ge 8 ] && [ "$DAYS" -le 10 ] || fail "14 dager gir $DAYS virkedager"
wait_for "permisjon uten stønad forlenger programmet med 0 kalenderdager"

# an overlapping second leave is refused with core's message, and nothing is stored
new_leave "$MID" "$LATE"
wait_for "Ikke lagret: Fra: perioden overlapper permisjon nr."
screen | grep -qF "($FROM–$TO)" || fail "meldingen nevner ikke den andre permisjonens periode"
[ "$(q "SELECT count(*) FROM leave WHERE participant_id = $PID")" = 1 ] || fail "den overlappende permisjonen ble lagret"
keys Escape
wait_for "Ulagrede endringer"
keys f
wait_for "Permisjonsvedtak"
screen | grep -qF "$MID–$LATE" && fail "den avviste permisjonen vises i saken"

# Enter on the line opens the record in the form
select_row "Fødsel (mor) $FROM–$TO"
keys Enter
wait_for "Permisjon (vedtak)"
wait_for "$FROM"
keys Escape
wait_for "Permisjonsvedtak"
keys Escape; wait_for "Søk:"; keys Escape
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
