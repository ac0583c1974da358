# Permissions shown before typing: NAV staff open a plan measure that is not work-oriented and
# see it read-only at once, with the reason in the help line, instead of typing into it and
# being refused at save; a work-oriented measure stays open to them.
. "$(dirname "$0")/lib.sh"

make_db 30
MUNI=$(sqlite3 "$DB" "SELECT number FROM municipality ORDER BY id LIMIT 1")
sv user add nils nav --name "Nils NAV" --municipality "$MUNI" >/dev/null || fail "user add nav"
row=$(sqlite3 -separator '|' "$DB" "SELECT p.name, m.name FROM plan_measure pm JOIN measure m ON m.id = pm.measure_id
    JOIN phase ph ON ph.id = pm.phase_id JOIN plan pl ON pl.id = ph.plan_id JOIN participant p ON p.id = pl.participant_id
    WHERE m.orientation <> 'arbeid' AND m.nav = 0 ORDER BY p.id LIMIT 1")
PNAME=${row%%|*}
MEASURE=${row#*|}
[ -n "$PNAME" ] || fail "demoen har ikke et ikke-arbeidsrettet tiltak i en plan"

start 120 40 STEGVIS_USER=nils
wait_for "Du er Nils NAV"
keys /; typ "$PNAME"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Steg"
keys 5
wait_for "Plan, tidsfaser og tiltak"
select_row "$MEASURE,"
keys Enter
wait_for "Tiltak i fase"
wait_for "(kun lesing)"
wait_for "Kan ikke endres:"
keys Enter
wait_for "har ikke lov"
screen | grep -q "Enter/Tab ferdig" && fail "NAV kan skrive i et felt de ikke får lagre"
keys Escape
wait_for "Plan, tidsfaser og tiltak"
keys Escape
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
