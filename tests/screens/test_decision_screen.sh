# The decision screen as an adviser meets it: the kind and the reason are fields on the screen,
# kept as a draft when the screen is left; findings name the field or key on this screen, never
# a command-line option; a decided plan shows as issued (no red K5); dates as dd.mm.åååå; the
# export goes into the export directory, readable by the owner only, with the full path shown.
. "$(dirname "$0")/lib.sh"

make_db 40
DECIDED=$(sv list --tsv --status vedtatt | awk -F'\t' 'NR == 2 { print $3 }')
CHANGED=$(sv list --tsv --status endret | awk -F'\t' 'NR == 2 { print $3 }')
if [ -z "$CHANGED" ]; then
    # no changed plan in this demo: change the goal of a second decided plan
    CID=$(sv list --tsv --status vedtatt | awk -F'\t' 'NR == 3 { print $1 }')
    PLAN=$(sqlite3 "$DB" "SELECT id FROM plan WHERE participant_id = $CID")
    sv edit plan "$PLAN" --norwegian_goal C1 >/dev/null || fail "planen kunne ikke endres"
    CHANGED=$(sv list --tsv --status endret | awk -F'\t' 'NR == 2 { print $3 }')
fi
[ -n "$DECIDED" ] && [ -n "$CHANGED" ] || fail "demoen mangler vedtatte eller endrede saker"

open_case() {
    keys /; typ "$1"; keys Enter
    wait_for "1 av 1"
    keys Enter
    wait_for "Steg"
}

start 120 35
wait_for "Deltakere"

# A decided plan, unchanged since: the screen shows the decision as issued.
open_case "$DECIDED"
keys v
wait_for "Vedtaket er fattet:"
screen | grep -q "BRUDD K5" && fail "et fattet vedtak vises som brudd på K5"
screen | grep -q "Utkast til vedtak" && fail "et fattet vedtak vises som utkast"
keys p
wait_for "Vedtaksbrevet slik det ble fattet"
screen | grep -q "slik det blir når vedtaket fattes i dag" && fail "forhåndsvisningen kaller det fattede vedtaket et utkast"
keys p

# Export: into the export directory (the home here), 0600, the full path in the message.
keys x
wait_for "Eksporter vedtaket til fil"
wait_for "$HOME/vedtak-"
keys Enter
wait_for "Vedtaket er eksportert til $HOME/vedtak-"
f=$(ls "$HOME"/vedtak-*[0-9a-f].xml | head -1)
[ -s "$f" ] || fail "vedtaksfilen ble ikke skrevet i eksportmappen"
[ "$(stat -c %a "$f")" = 600 ] || fail "vedtaksfilen er $(stat -c %a "$f"), ikke 600"
[ "$(stat -c %a "${f%.xml}-arkivmelding.xml")" = 600 ] || fail "arkivmeldingen er ikke 600"
ls "$TMP"/vedtak-* >/dev/null 2>&1 && fail "eksporten havnet i mappen programmet ble startet fra"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"
keys x

# A changed plan: the reason is a field, the finding says so, and it survives leaving.
open_case "$CHANGED"
keys v
wait_for "Vedtakstype:"
wait_for "Grunn:"
screen | grep -q -- "--kind\|--reason" && fail "funn ber skjermbrukeren bruke kommandolinjevalg"
screen | grep -qE "(^|[^-0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}" && fail "funn viser ISO-datoer"
select_row "Grunn:"
keys Enter
wait_for "Skriv: Grunn til vedtaket"
typ "Praksisplassen ble forlenget etter avtale."
keys C-x
wait_for "Grunn:        Praksisplassen ble forlenget"
keys Escape
wait_for "Steg"
keys v
wait_for "Grunn:        Praksisplassen ble forlenget"
wait_for "hentet fram fra utkastet"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"

# A configured export directory.
mkdir -p "$TMP/arkiv"
printf 'set export-dir %s\n' "$TMP/arkiv" >"$XDG_CONFIG_HOME/stegvis/config"
start 120 35
wait_for "Deltakere"
open_case "$DECIDED"
keys v
wait_for "Vedtaket er fattet:"
keys x
wait_for "$TMP/arkiv/vedtak-"
keys Enter
wait_for "eksportert til $TMP/arkiv/vedtak-"
[ "$(stat -c %a "$(ls "$TMP"/arkiv/vedtak-*[0-9a-f].xml | head -1)")" = 600 ] || fail "eksporten i export-dir er ikke 600"
quit_from 1

# A relative home (the bench's, or a service's): the proposed path is taken as it is, not put
# into the export directory a second time ("home/home/vedtak-...").
rm -f "$XDG_CONFIG_HOME/stegvis/config"
mkdir -p "$TMP/relhome"
start 120 35 HOME=relhome
wait_for "Deltakere"
open_case "$DECIDED"
keys v
wait_for "Vedtaket er fattet:"
keys x
wait_for "Eksporter vedtaket til fil"
wait_for "relhome/vedtak-"
keys Enter
wait_for "Vedtaket er eksportert til relhome/vedtak-"
ls "$TMP"/relhome/vedtak-*[0-9a-f].xml >/dev/null 2>&1 || fail "eksporten med relativ hjemmemappe ble ikke skrevet"
echo "$NAME: ok"
