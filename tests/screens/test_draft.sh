# Nothing typed is lost: a dropped connection (SIGHUP) in the middle of a form, even in the middle
# of a field, leaves a draft that the next start offers to restore; Ctrl-C does the same; a
# saved form leaves no draft behind. An identity number stands in a draft only masked.
. "$(dirname "$0")/lib.sh"

make_db 10
start 80 24
wait_for "Deltakere"
keys n
wait_for "Ny: Deltaker"
keys Enter; typ 01018510002; keys Enter
typ "Åsmund Ærlig"; keys Enter
typ K
wait_for "→ Kvinne"
kill -HUP "$(cat "$TMP/pid")"
[ "$(wait_exit)" = 129 ] || fail "SIGHUP ga ikke status 129"

start 80 24
wait_for "Ulagret utkast"
# the prompt says which form it was
wait_for "Deltaker (ny)"
keys j
wait_for "Utkastet er hentet fram"
wait_for "Åsmund Ærlig"
wait_for "Kvinne"
wait_for "(endret, ikke lagret)"
# an identity number is kept in a draft only masked: a new one is typed again
wait_for "lagres ikke i utkast"
screen | grep -q "01018510002" && fail "fødselsnummeret ble hentet fra utkastet"
select_row "Fødselsnummer"
keys Enter; typ 01018510002; keys Enter
wait_for "01018510002"
# Finish it: the remaining required fields, then save.
select_row "Oppholdstillatelse"
keys Enter; typ 01.02.2025; keys Enter
typ 15.03.2025; keys Enter
typ rett_plikt; keys Enter
typ grunnskole; keys Enter
keys Escape
wait_gone "Enter/Tab ferdig"
keys s
wait_for "Deltaker er lagret."
# a new participant, once saved, opens in its case
wait_for "Mangler: kartlegging"
keys q
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
sv list --search "åsmund" | grep -q "Åsmund Ærlig" || fail "deltakeren ble ikke lagret"

# Saved: no draft is offered any more.
start 80 24
wait_for "Deltakere"
sleep 0.3
screen | grep -q "Ulagret utkast" && fail "utkast tilbys etter lagring"

# Ctrl-C in a form keeps the draft too; declining it drops it.
keys n
wait_for "Ny: Deltaker"
keys Enter; typ 15059010104; keys Enter
typ "Ctrl Cæsar"; keys Enter
keys C-c
[ "$(wait_exit)" = 130 ] || fail "Ctrl-C ga ikke status 130"
start 80 24
wait_for "Ulagret utkast"
keys n
wait_for "Utkastet er forkastet."
keys q
wait_exit >/dev/null
start 80 24
wait_for "Deltakere"
sleep 0.3
screen | grep -q "Ulagret utkast" && fail "forkastet utkast tilbys igjen"
keys q
wait_exit >/dev/null

# A crash (SIGKILL: no chance to clean up) keeps every field already left.
start 80 24
wait_for "Deltakere"
keys n
wait_for "Ny: Deltaker"
keys Enter; typ 01018510193; keys Enter
typ "Krasj Øyen"; keys Enter
wait_for "Hentes fra fødselsnummeret"
kill -KILL "$(cat "$TMP/pid")"
[ "$(wait_exit)" = 137 ] || fail "SIGKILL ga ikke status 137"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft WHERE instr(value, '01018510193')")" = 0 ] ||
    fail "fødselsnummeret står i sin helhet i utkastet"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft WHERE instr(value, '010185*****#')")" = 1 ] ||
    fail "utkastet har ikke det maskerte fødselsnummeret"
start 80 24
wait_for "Ulagret utkast"
keys j
wait_for "Krasj Øyen"
wait_for "lagres ikke i utkast"
keys Escape
wait_for "Ulagrede endringer"
keys f
wait_for "Søk:"
keys q
wait_exit >/dev/null
echo "$NAME: ok"
