# The case history speaks labels and names: no column names or ids (participant_id, uuid),
# a measure by its name (never "Tiltak: «3»"), codes as their labels; and the case rows show
# labels, never stored codes (maal_naadd).
. "$(dirname "$0")/lib.sh"

make_db 40
# a participant with a final evaluation, decisions and measures in the plan
PNAME=$(sqlite3 "$DB" "SELECT p.name FROM participant p JOIN evaluation e ON e.participant_id = p.id
    JOIN decision d ON d.participant_id = p.id ORDER BY p.id LIMIT 1")
[ -n "$PNAME" ] || fail "demoen har ingen sak med sluttevaluering og vedtak"
start 160 60
wait_for "Deltakere"
keys /; typ "$PNAME"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Steg"
keys 7
wait_for "Sluttevaluert"
screen | grep -qE "Sluttevaluert [0-9.]+: [a-z_]+ \(" && fail "sluttevalueringen viser koder"
screen | grep -q "maal_naadd\|tid_brukt" && fail "koden for avslutningsgrunn vises"
keys 5
keys H
wait_for "Historikk: $PNAME"
: >"$TMP/hist"
i=0
while [ $i -lt 12 ]; do screen >>"$TMP/hist"; keys NPage; sleep 0.2; i=$((i + 1)); done
grep -q "la til Vedtak" "$TMP/hist" || fail "historikken viser ikke vedtakene"
grep -q "participant_id\|uuid\|plan_rev\|decided_on" "$TMP/hist" && fail "historikken viser kolonnenavn"
grep -qE "Tiltak: «[0-9]+»" "$TMP/hist" && fail "historikken viser tiltak som nummer"
grep -q "Vedtakstype: «" "$TMP/hist" || fail "vedtakets felt har ikke etiketter"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
