# `stegvis start` on an empty database first fills it with the demo municipality, marked DEMO on
# screen, and says so; a second start opens it as it is.
. "$(dirname "$0")/lib.sh"

start 80 24
wait_for "Ny database: demokommunen (DEMO)" 30
wait_for "DEMO"
wait_for "Du er kari. Administrator"
wait_for "er lagt inn. Trykk i"
# The first-case guide is reachable from the start screen.
keys i
wait_for "Din første sak: fra bosetting til vedtak"
keys NPage
wait_for "5. Vedtaket"
keys '?'
wait_for "Tastene i «Første sak»"
keys q
keys q
wait_for "av "
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
N=$(sv list --tsv --limit 0 | tail -n +2 | wc -l)
[ "$N" -ge 1 ] || fail "demokommunen har ingen deltakere"

start 80 24
wait_for "av $N"
screen | grep -q "Ny database" && fail "andre start fyller databasen på nytt"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
