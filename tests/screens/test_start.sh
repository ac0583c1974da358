# `stegvis start` on an empty database first fills it with the demo municipality, marked DEMO on
# screen, and says so; a second start opens it as it is.
. "$(dirname "$0")/lib.sh"

start 80 24
wait_for "Ny database: demokommunen (DEMO)" 30
wait_for "DEMO"
wait_for "Du er kari. Administrator"
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
