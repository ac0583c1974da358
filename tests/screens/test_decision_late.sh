# The decision screen's late reason and its list of changes since the last decision, both of
# which only the command line had (decide --late-reason, show): a plan decided after its
# deadline names the screen's field, not "decide --late-reason"; a reason without substance is
# refused, a real one lets the decision through and is kept as a draft when the screen is left;
# the issued document carries it. After the decision, a change of the plan is listed there in
# labels and dd.mm.åååå. The notification is recorded from the screen when it happens, never
# assumed at issue.
. "$(dirname "$0")/lib.sh"

make_db 40
TODAY=$(date +%d.%m.%Y)
# a draft plan that can be decided as it is
PID=
for id in $(sv list --tsv --status utkast | awk -F'\t' 'NR > 1 { print $1 }'); do
    cp "$DB" "$TMP/try.db"
    if "$BIN" --db "$TMP/try.db" decide "$id" --kind plan --notify-method digitalt --notified "$TODAY" >/dev/null 2>&1; then
        PID=$id
        break
    fi
done
rm -f "$TMP/try.db"
[ -n "$PID" ] || fail "demoen har ingen plan som kan vedtas"
# settled eight months ago: the three months to a plan are long gone
sv edit participant "$PID" --permit-on "$(date -d '-9 months' +%d.%m.%Y)" --settled-on "$(date -d '-8 months' +%d.%m.%Y)" >/dev/null \
    || fail "bosettingsdatoen kunne ikke flyttes"
PNAME=$(sv show "$PID" | sed -n 's/^Deltaker nr\. [0-9]*: \(.*\) ([0-9*]*).*/\1/p')
[ -n "$PNAME" ] || fail "fant ikke navnet til deltaker $PID"

open_case() {
    keys /; typ "$1"; keys Enter
    wait_for "1 av 1"
    keys Enter
    wait_for "Steg"
}

start 130 40
wait_for "Deltakere"
open_case "$PNAME"
keys v
wait_for "BRUDD K1"
wait_for "Grunn for forsinkelse: - (skriv hvorfor"
screen | grep -q -- "--late-reason\|decide" && fail "funnet ber skjermbrukeren bruke kommandolinjen"
screen | grep -q "feltet «Grunn for forsinkelse»" || fail "funnet nevner ikke feltet som retter det"
# Enter on the finding opens the late reason itself (the deadline is not undone in the plan)
select_row "BRUDD K1"
keys Enter
wait_for "Skriv: Grunn for forsinkelse"
typ "Sent."
keys C-x
wait_for "minst 20 tegn innhold"
screen | grep -q "BRUDD K1" || fail "en grunn uten innhold godtas"
keys l
wait_for "Skriv: Grunn for forsinkelse"
keys BSpace BSpace BSpace BSpace BSpace
typ "Kartleggingen ventet på tolk i tre måneder; planen ble laget straks tolken var på plass."
keys C-x
wait_for "Frist passert K1"
wait_for "0 brudd"
# kept as a draft when the screen is left
keys Escape
wait_for "Steg"
keys v
wait_for "Grunn for forsinkelse: Kartleggingen ventet på tolk"
wait_for "0 brudd"
keys F
wait_for "j = ja"
keys j
wait_for "fattet etter fristen"
wait_for "Vedtaket er fattet:"
wait_for "Endret i planen siden siste vedtak:"
wait_for "ingen endringer"
# issued, not notified: the screen claims no notification the user did not give
wait_for "Underrettet: ikke ennå"
sv show "$PID" | grep -q "ikke underrettet ennå" || fail "vedtaket fra skjermen er registrert som underrettet uten at brukeren sa det"
keys u
wait_for "Deltakeren fikk vedtaket"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typ "31.02.2026"; keys Enter
wait_for "«31.02.2026» er ikke en gyldig dato"
select_row "Underrettet:"
keys Enter
wait_for "Deltakeren fikk vedtaket"
keys Enter
wait_for "Brev i posten"
keys Enter
wait_for "Klagefristen går ut"
wait_for "Underrettet: $TODAY (Digitalt (Digipost/eBoks)), klagefrist"
sv show "$PID" | grep -qF "underrettet $TODAY (Digitalt (Digipost/eBoks)), registrert etter vedtaket" || fail "underretningen er ikke registrert"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
sv export "$PID" --out "$TMP/late.xml" >/dev/null 2>&1 || fail "eksporten feilet"
grep -q "<forsinkelse>Kartleggingen ventet på tolk" "$TMP/late.xml" || fail "vedtaket mangler grunnen for forsinkelsen"

# A change of the plan after the decision: listed on the decision screen.
PLAN=$(sqlite3 "$DB" "SELECT id FROM plan WHERE participant_id = $PID")
GOAL=$(sqlite3 "$DB" "SELECT norwegian_goal FROM plan WHERE id = $PLAN")
NEW=B2; [ "$GOAL" = B2 ] && NEW=B1
sv edit plan "$PLAN" --norwegian_goal "$NEW" >/dev/null 2>&1 || fail "planen kunne ikke endres"
start 130 40
wait_for "Deltakere"
open_case "$PNAME"
keys v
wait_for "Endret i planen siden siste vedtak (1):"
wait_for "$TODAY"
wait_for "kari: plan endret: Norskmål"
screen | grep -q "norwegian_goal" && fail "endringen vises med kolonnenavn"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
