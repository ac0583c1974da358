# The NIR worklist and the results screens, opened from the participant list: the overdue items
# first, r registers the selected item (refused before its event), and the results drawn as
# bars against the target.
. "$(dirname "$0")/lib.sh"
make_db 120
open=$(sv nir --tsv --limit 0 | wc -l)
first=$(sv nir --tsv --limit 1 | cut -f3)
ev=$(sv nir --tsv --limit 1 | cut -f5)
start 120 30
wait_for "av 120"
keys N
wait_for "Til NIR innen to måneder: $open åpne punkter"
wait_for "Frist"
keys r
wait_for "registrert i NIR (dd.mm.åååå)"
keys Enter
wait_for "$first er registrert i NIR."
wait_for "$((open - 1)) åpne punkter"
[ "$(sv nir --tsv --limit 0 | wc -l)" = "$((open - 1))" ] || fail "the registration is not stored"
# a date before the event is refused, nothing changes
keys r
wait_for "registrert i NIR (dd.mm.åååå)"
keys C-u
typ "01.01.1990"
keys Enter
wait_for "er før hendelsen"
wait_for "$((open - 1)) åpne punkter"
keys '?'
wait_for "Nasjonalt introduksjonsregister"
keys q
keys q
wait_for "av 120"
keys e
wait_for "Mål: 70 % i arbeid eller utdanning ett år etter"
wait_for "Alle som avsluttet"
y=$(date +%Y)
keys Left
wait_for "avsluttet i $((y - 1))"
# back through the years until one has enough participants to draw a share
i=0
while ! screen | grep -qF "█" && [ $i -lt 6 ]; do keys Left; sleep 0.3; i=$((i + 1)); done
wait_for "█"
keys d
wait_for "Ettårsstatus som skal registreres"
keys q
keys q
wait_for "av 120"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
