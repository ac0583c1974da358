# The integration contract (integreringsloven § 16) in the case screen: under the plan of a
# participant under integreringsloven the contract of the plan's version with both signatures,
# or the row that registers it when there is none; a participant under introduksjonsloven has
# neither.
. "$(dirname "$0")/lib.sh"

make_db 40
WITH=$(sqlite3 "$DB" "SELECT p.name FROM participant p JOIN plan pl ON pl.participant_id = p.id
    JOIN contract k ON k.participant_id = p.id AND k.plan_rev = pl.rev ORDER BY p.id LIMIT 1")
WITHOUT=$(sqlite3 "$DB" "SELECT p.name FROM participant p JOIN plan pl ON pl.participant_id = p.id
    WHERE p.permit_on >= '2021-01-01' AND NOT EXISTS(SELECT 1 FROM contract k WHERE k.participant_id = p.id
    AND k.plan_rev = pl.rev) ORDER BY p.id LIMIT 1")
INTRO=$(sqlite3 "$DB" "SELECT p.name FROM participant p JOIN plan pl ON pl.participant_id = p.id
    WHERE p.permit_on < '2021-01-01' ORDER BY p.id LIMIT 1")
[ -n "$WITH" ] && [ -n "$WITHOUT" ] || fail "demoen har ikke saker med og uten kontrakt"
start 160 60
wait_for "Deltakere"
open_case() {
    keys /; typ "$1"; keys Enter
    wait_for "1 av 1"
    keys Enter
    wait_for "Steg"
    keys 5
    wait_for "Plan, tidsfaser og tiltak"
}
open_case "$WITH"
wait_for "Integreringskontrakt v. "
screen | grep -qE "Integreringskontrakt v\. [0-9]+: deltakeren signerte [0-9.]{10}, kommunen [0-9.]{10} " ||
    fail "kontrakten vises ikke med planversjon og begge signaturer"
keys Escape; wait_for "Søk:"; keys Escape
open_case "$WITHOUT"
wait_for "+ Integreringskontrakt for denne planversjonen (integreringsloven § 16)"
keys Escape; wait_for "Søk:"; keys Escape
if [ -n "$INTRO" ]; then
    open_case "$INTRO"
    screen | grep -q "Integreringskontrakt" && fail "kontrakten vises for en deltaker under introduksjonsloven"
    keys Escape; wait_for "Søk:"
fi
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
