# The users screen (u on the participant list): the same users as `stegvis user list`, with
# role labels, never the role codes.
. "$(dirname "$0")/lib.sh"

make_db 10
sv user add nils nav --name "Nils NAV" --municipality 9999 >/dev/null || fail "user add"
sv user add tilsyn supervisor --name "Siri Tilsyn" >/dev/null || fail "user add"
start 100 30
wait_for "Deltakere"
keys u
wait_for "stegvis · Brukere"
wait_for "Nils NAV"
wait_for "NAV-veileder"
wait_for "Siri Tilsyn"
wait_for "alle kommuner"
screen | grep -qw "supervisor" && fail "rollekoden vises"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
