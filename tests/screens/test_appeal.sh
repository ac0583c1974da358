# The appeal screen (K on the case screen): an appeal registered through the screen against the
# case's decision, shown with its deadlines (fvl. §§ 29 and 33); a refusal (received before the
# decision) names the field and saves nothing; the municipality's review upholds it and the
# sending is recorded; NAV cannot open the screen.
. "$(dirname "$0")/lib.sh"

make_db 40
PID=$(sqlite3 "$DB" "SELECT d.participant_id FROM decision d WHERE d.notified_on IS NOT NULL AND d.decided_on <= date('now') ORDER BY d.id LIMIT 1")
PNAME=$(sqlite3 "$DB" "SELECT name FROM participant WHERE id = $PID")
DID=$(sqlite3 "$DB" "SELECT id FROM decision WHERE participant_id = $PID ORDER BY id LIMIT 1")
DECIDED=$(sqlite3 "$DB" "SELECT strftime('%d.%m.%Y', decided_on) FROM decision WHERE id = $DID")
BEFORE=$(sqlite3 "$DB" "SELECT strftime('%d.%m.%Y', date(decided_on, '-1 day')) FROM decision WHERE id = $DID")
TODAY=$(date +%d.%m.%Y)
[ -n "$PNAME" ] || fail "demoen har ingen underrettet sak"
sv user add nora nav --municipality "$(sqlite3 "$DB" "SELECT m.number FROM municipality m JOIN participant p ON p.municipality_id = m.id WHERE p.id = $PID")" >/dev/null || fail "user"

start 160 50
wait_for "Deltakere"
keys /; typ "$PNAME"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Steg"
keys K
wait_for "Klager: $PNAME"
wait_for "Ingen klager er registrert i saken"
# refused: received before the decision; nothing saved
keys a; wait_for "Vedtak nr."; typ "$DID"; keys Enter
wait_for "Mottatt dato"; typ "$BEFORE"; keys Enter
wait_for "Klagegrunner"; typ "For lite norsk."; keys Enter
wait_for "Mottatt dato: kan ikke være før vedtaksdatoen"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM appeal")" = 0 ] || fail "en avvist klage ble lagret"
keys a; wait_for "Vedtak nr."; typ "$DID"; keys Enter
wait_for "Mottatt dato"; typ "$DECIDED"; keys Enter
wait_for "Klagegrunner"; typ "Jeg vil ha mer norsk før praksis."; keys Enter
wait_for "Klagen er lagret."
wait_for "Klage nr. 1 over vedtak nr. $DID"
screen | grep -q "Klagefrist [0-9.]* (fvl. § 29)" || fail "klagefristen vises ikke"
screen | grep -q "Sendes Statsforvalteren senest [0-9.]* (fvl. § 33)" || fail "fristen etter § 33 vises ikke"
keys v; wait_for "o: opprettholdt"; keys o
wait_for "Vurdert dato"; typ "$TODAY"; keys Enter
wait_for "Kommunens vurdering er lagret."
keys o; wait_for "Sendt dato"; typ "$TODAY"; keys Enter
wait_for "Oversendelsen til Statsforvalteren er lagret."
wait_for "Sendt til Statsforvalteren $TODAY"
[ "$(sqlite3 "$DB" "SELECT review || ' ' || (sent_on IS NOT NULL) FROM appeal WHERE id = 1")" = "opprettholdt 1" ] ||
    fail "vurderingen og oversendelsen er ikke lagret"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"

# NAV: the screen does not open
start 160 50 STEGVIS_USER=nora
wait_for "Deltakere"
keys /; typ "$PNAME"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Steg"
keys K
wait_for "se klager"
screen | grep -q "Klager: $PNAME" && fail "NAV åpnet klageskjermen"
keys Escape
wait_for "Søk:"
keys q
wait_exit >/dev/null
echo "$NAME: ok"
