# `stegvis user list`: every user for an administrator, the own municipality's and the
# all-municipality ones for others, refused for a login that is not registered.
. "$(dirname "$0")/lib.sh"
S() { "$BIN" --db "$T/u.db" "$@"; }
export STEGVIS_USER=kari
expect 0 S demo --participants 5 --municipalities 2
expect 0 S user add nils nav --name "Nils NAV" --municipality 9999
expect 0 S user add tilsyn supervisor --name "Siri Tilsyn"
OTHER=$(sqlite3 "$T/u.db" "SELECT number FROM municipality ORDER BY id DESC LIMIT 1")
expect 0 S user add ola adviser --municipality "$OTHER"
expect 0 S user list
has "$T/out" "^Brukernavn *Navn *Rolle *Kommune"
has "$T/out" "^nils *Nils NAV *NAV-veileder *Fjordvik (DEMO)"
has "$T/out" "^tilsyn *Siri Tilsyn *Tilsyn"
has "$T/out" "^ola "
expect 0 S --tsv user list
has "$T/out" "^login	name	role	municipality$"
has "$T/out" "^nils	Nils NAV	nav	Fjordvik (DEMO)$"
has "$T/out" "^tilsyn	Siri Tilsyn	supervisor	$"
# NAV in the first municipality does not see the adviser of the other one
STEGVIS_USER=nils expect 0 S --tsv user list
has "$T/out" "^nils	"
has "$T/out" "^kari	"
hasnt "$T/out" "^ola	"
STEGVIS_USER=ukjent expect 1 S user list
has "$T/err" "Du (ukjent) er ikke registrert"
hasnt "$T/out" "Brukernavn"
expect 2 S user list --everything
finish
