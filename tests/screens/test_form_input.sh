# Typing and pasting into forms as an adviser does: Space opens the list of a code field also
# when Enter brought the cursor there; a code field shows labels, never codes, while typing; a
# multi-line paste into a one-line field stays in that field; a long paste is never cut and its
# real length is reported; every empty required field is named at save; an empty required
# field can be left with ↑/↓.
. "$(dirname "$0")/lib.sh"

make_db 10
start 100 30
wait_for "Deltakere"
keys n
wait_for "Ny: Deltaker"

# ↑/↓ leave an empty required field without a complaint
keys Enter
wait_for "Enter/Tab ferdig"
keys Down
wait_for "Fullt navn."
screen | grep -q "må fylles ut$\|Fødselsnummer: må fylles ut" && fail "et tomt påkrevd felt holdt markøren fast"

# All empty required fields at once.
wait_gone "Enter/Tab ferdig"
keys s
wait_for "Ikke lagret: 6 felt må fylles ut: Fødselsnummer, Navn, Oppholdstillatelse, Bosatt, Rett og plikt"

# A multi-line paste into Navn stays in Navn (bracketed paste).
keys Home Enter
typ 23039210088; keys Enter
wait_for "Fullt navn."
printf 'Tesfay\nGebre Musse' >"$TMP/p1"
T load-buffer "$TMP/p1"; T paste-buffer -p -t t
keys Enter
wait_for "Tesfay Gebre Musse"
screen | grep "Kjønn" | grep -q "Gebre" && fail "limingen rant over i neste felt"

# Space on a code field reached by Enter opens its list.
wait_for "Hentes fra fødselsnummeret"
keys Space
wait_for "Kvinne"
keys Escape
wait_gone "Kvinne"

# Labels while typing: the code field shows «Rett og plikt», and what the typed start stands for.
select_row "Rett og plikt"
keys Enter
typ "kun r"
wait_for "→ Kun rett"
# a value that is no choice: the message lists the labels, not the codes
keys C-u; typ zz; keys Enter
wait_for "«zz» er ikke et gyldig valg. Mellomrom på tomt felt gir listen: Rett og plikt"
screen | grep -q "kan_tilbys" && fail "feilmeldingen viser koder"
keys C-u; typ rett_plikt
screen | grep -q "→ Rett og plikt" || fail "koden ble ikke vist som etikett mens du skriver"
keys Enter
wait_for "Rett og plikt      Rett og plikt"
keys Escape
wait_gone "Enter/Tab ferdig"
select_row "Rett og plikt"
keys Enter
wait_for "Enter/Tab ferdig"
screen | grep -q "rett_plikt" && fail "koden rett_plikt vises på skjermen"
keys Escape

# A paste of 3,959 characters into a one-line field is not cut, and its length is told.
select_row "Språk"
keys Enter
awk 'BEGIN { while (n < 3959) { printf "a"; n++ } }' >"$TMP/p2"
T load-buffer "$TMP/p2"; T paste-buffer -p -t t
keys Enter
wait_for "for lang tekst (3959 tegn"
screen | grep -q "1023 tegn" && fail "limingen ble kuttet til 1023 tegn"
keys Escape
keys Escape
wait_for "Ulagrede endringer"
keys f
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
