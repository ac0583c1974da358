# A bad value in each kind of field gives the Norwegian message on screen as the field is left,
# and the field stays open until it is right: identity number, text (too long, required), code,
# yes/no, date, whole number, hours, long text, and a check across two fields at save.
. "$(dirname "$0")/lib.sh"

make_db 10
start 80 24
wait_for "Deltakere"

bad() { # bad VALUE MESSAGE: types VALUE into the open field and expects MESSAGE
    keys C-u; typ "$1"; keys Enter
    wait_for "$2"
}

keys n
wait_for "Ny: Deltaker"
keys Enter
bad 12345678901 "Fødselsnummer: kontrollsifferet stemmer ikke"
bad 1234 "Fødselsnummer: må være 11 siffer"
keys C-u; typ 23039210169; keys Enter
keys Enter
wait_for "Navn: må fylles ut"
bad "$(printf '%0130d' 0)" "Navn: for lang tekst (130 tegn, høyst 120)"
keys C-u; typ "Fåtima Øberg"; keys Enter
bad X "Kjønn: «X» er ikke et gyldig valg"
keys C-u; typ Kvinne; keys Enter
keys Enter
bad kanskje "Trenger tolk: svar ja eller nei"
keys C-u; typ ja; keys Enter
typ dari; keys Enter
bad 31.02.2025 "Oppholdstillatelse: «31.02.2025» er ikke en gyldig dato (skriv dd.mm.åååå"
bad 2025-13-01 "er ikke en gyldig dato"
keys C-u; typ 2025-02-01; keys Enter
typ 15.01.2025; keys Enter
typ rett_plikt; keys Enter
typ hoyere; keys Enter
keys Escape
# The check across fields: settled before the permit.
keys s
wait_for "Bosatt: kan ikke være før Oppholdstillatelse"
wait_for "Ikke lagret"
select_row "Bosatt"
keys Enter C-u; typ 15.03.2025; keys Enter Escape
keys s
wait_for "Deltaker er lagret."
wait_for "Mangler: kartlegging"
keys Escape
wait_for "Søk:"

# Whole numbers and long text: labour demand (step 1).
keys m
wait_for "1 Arbeidskraftbehov"
keys n
wait_for "Ny: Arbeidskraftbehov"
keys Enter; typ Helse; keys Enter
typ Helsefagarbeider; keys Enter
keys Enter
bad mange "Antall stillinger: «mange» er ikke et helt tall"
bad 0 "Antall stillinger: må være mellom 1 og 100000"
keys C-u; typ 12; keys Enter
keys Enter
wait_for "Skriv: Krav"
typ "$(printf '%01010d' 0)"; keys C-x
wait_for "Krav: for lang tekst"
wait_for "Skriv: Krav"
keys Escape
wait_for "Teksten er endret"
keys f
wait_gone "Skriv: Krav"
keys Escape
wait_for "Ulagrede endringer"
keys f
wait_for "1 Arbeidskraftbehov"

# Hours: the catalogue (step 2).
keys 2
wait_for "2 Katalog"
keys n
wait_for "Ny: Tiltak"
keys Enter; typ "Bransjenorsk lager"; keys Enter
typ bransjekurs; keys Enter
typ voksenopplaering; keys Enter
bad "7,55" "Timer per uke: «7,55» er ikke et antall timer"
bad 50 "Timer per uke: må være mellom 0,5 og 40 timer per uke"
keys C-u; typ 7,5; keys Enter
keys Escape Escape
wait_for "Ulagrede endringer"
keys f
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"

# Long text in $EDITOR: what the editor saves becomes the field's text.
cat > "$TMP/ed.sh" <<'ED'
#!/bin/sh
grep -q "Gammel tekst" "$1" || exit 3
printf 'Norsk B1 og førerkort klasse B\n' > "$1"
ED
chmod +x "$TMP/ed.sh"
start 80 24 EDITOR="$TMP/ed.sh"
wait_for "Deltakere"
keys m
wait_for "1 Arbeidskraftbehov"
keys n
wait_for "Ny: Arbeidskraftbehov"
select_row "Krav"
keys Enter
wait_for "Skriv: Krav"
typ "Gammel tekst"; keys C-x
wait_gone "Skriv: Krav"
select_row "Krav"
keys E
wait_for "Norsk B1 og førerkort klasse B"
keys Escape
wait_for "Ulagrede endringer"
keys f
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
