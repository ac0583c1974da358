# With nynorsk as the screens' language (STEGVIS_LANG=nn) the list, a case with its step texts,
# a form with a bad value, and the help screen all speak nynorsk; nothing bokmål shows through
# in the places checked.
. "$(dirname "$0")/lib.sh"

make_db 10
start 120 30 STEGVIS_LANG=nn
# The list: title, column headers, key line, and the user line from core.
wait_for "Deltakarar"
wait_for "Namn"
wait_for "opne"
wait_for "avslutt"
screen | grep -q "Deltakere\|Navn " && fail "bokmål i lista"

# A case: the step bar, and the step text beside it from templates/steps/nn.
keys Enter
wait_for "Sak: "
keys 5
wait_for "Steg 5: Tilpasse kvalifiseringa for deltakaren"
wait_for "Føremål"
wait_for "Refleksjonspunkt"
wait_for "Deltakar og kartlegging"
keys 1
wait_for "Steg 1: Hente inn og vurdere behovet for"
wait_for "Opne steg 1 for kommunen"
screen | grep -q "Formål\|Faglig påfyll" && fail "stegteksten er på bokmål"

# The help screen of the case: what the screen is for and its keys, in nynorsk.
keys '?'
wait_for "Hjelp: Sak: "
wait_for "Saka følgjer dei sju stega"
wait_for "Tastane i «Sak: "
wait_for "førre steg"
keys Escape
wait_gone "Tastane i"
keys Escape
wait_for "Deltakarar"

# A new participant with a bad identity number: the form and the message in nynorsk.
keys n
wait_for "Ny: Deltakar (steg 5)"
wait_for "* = må fyllast ut"
keys Enter
typ 1234; keys Enter
wait_for "Fødselsnummer: må vere 11 siffer"
keys Escape Escape
wait_for "Deltakarar"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"

# A municipality without a nynorsk text for a step gets the bokmål one rather than a gap.
cp -R "$ROOT/templates" "$TMP/tpl"
rm "$TMP/tpl/steps/nn/5.txt"
start 120 30 STEGVIS_LANG=nn STEGVIS_TEMPLATES="$TMP/tpl"
wait_for "Deltakarar"
keys Enter
wait_for "Sak: "
keys 5
wait_for "Steg 5: Tilpasse kvalifisering for deltaker"
wait_for "Deltakar og kartlegging"
keys 6
wait_for "Steg 6: Følgje opp deltakaren"
keys q q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
