# The built-in editor for long texts: Ctrl-X ends it and leaves the next long text closed (the
# next key is the form's); lines wrap between words, never inside one; a last Enter is not
# stored; Esc after a paste too long for the field asks, and keeps the text when told to.
. "$(dirname "$0")/lib.sh"

make_db 10
sv participant add --fnr 15059010295 --name "Ådne Ås" --permit_on 01.02.2025 --settled_on 15.03.2025 \
    --right_duty rett_plikt --schooling vgs >/dev/null || fail "participant add"
PID=$(sv list --tsv --search "ådne" | awk -F'\t' 'NR == 2 { print $1 }')
TODAY=$(date +%d.%m.%Y)

start 60 24
wait_for "Deltakere"
keys /; typ "ådne"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Mangler: kartlegging"
select_row "+ Registrer kartlegging"
keys Enter
wait_for "Ny: Kartlegging"
keys Enter; typ "$TODAY"; keys Enter
keys Enter
wait_for "Skriv: Utdanning"
# Words that would be split by a column wrap at 59 columns.
WORDS="Grunnskole i Kabul og to år med yrkesfaglig utdanning innen elektrofag ved yrkesskole samt fagbrev"
typ "$WORDS"
keys Enter Enter
sleep 0.3
screen | sed -n '2,6p' | tr -s ' ' '\n' | sed '/^$/d' >"$TMP/shown"
for w in $(cat "$TMP/shown"); do
    printf ' %s ' "$WORDS" | grep -qF " $w " || fail "ordet «$w» er delt ved linjeskift"
done
keys C-x
wait_gone "Skriv: Utdanning"
sleep 0.3
screen | grep -q "Skriv: Arbeidserfaring" && fail "Ctrl-X åpnet neste lange tekst"
# the next key is the form's: s saves (and is refused, since fields are missing)
keys s
wait_for "Ikke lagret"
# a too-long paste into a long text, then Esc: asked, and b keeps it
select_row "Arbeidserfaring"
keys Enter
wait_for "Skriv: Arbeidserfaring"
awk 'BEGIN { while (n < 500) { printf "sjåfør og lager "; n++ } }' >"$TMP/long"
T load-buffer "$TMP/long"; T paste-buffer -p -t t
keys C-x
wait_for "for lang tekst"
keys Escape
wait_for "Teksten er endret"
keys b
wait_gone "Skriv: Arbeidserfaring"
wait_for "sjåfør og lager sjåfør"
wait_for "for lang tekst"
# the kept text is the field's: opening it again and Esc asks nothing; x clears the field
keys Enter
wait_for "Skriv: Arbeidserfaring"
keys Escape
wait_gone "Skriv:"
keys x
wait_gone "sjåfør og lager sjåfør"
keys Enter
wait_for "Skriv: Arbeidserfaring"
typ "Sjåfør i fire år"
keys C-x
wait_gone "Skriv:"
keys Enter; typ A1; keys Enter
keys s
wait_for "Kartlegging er lagret."
got=$(sqlite3 "$DB" "SELECT hex(education) FROM assessment WHERE participant_id = $PID")
want=$(printf '%s' "$WORDS" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
[ "$got" = "$want" ] || fail "utdanningen ble lagret med noe mer enn teksten (siste Enter?)"
keys Escape
wait_for "Mangler"
keys Escape
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
