# The participant list: search as you type with æøå, masked identity numbers shown on demand,
# filters and sorting, the help made from the key table, resize between 100x30 and 80x24.
. "$(dirname "$0")/lib.sh"

make_db 40
sv participant add --fnr 15059010023 --name "Åse Ødegård" --permit_on 01.02.2025 --settled_on 15.03.2025 \
    --right_duty rett_plikt --schooling ingen >/dev/null || fail "participant add"
sv participant add --fnr 01018510002 --name "Øystein Ærø" --permit_on 01.02.2025 --settled_on 15.03.2025 \
    --right_duty rett_plikt --schooling vgs >/dev/null || fail "participant add"

start 100 30
wait_for "Deltakere"
wait_for "DEMO"
wait_for "av 42"
wait_for "Du er kari"
screen | grep -q "15059010023" && fail "fødselsnummeret vises umaskert"

# Search as you type, folding case on Norwegian letters.
keys /
typ "ØDEG"
wait_for "1 av 1"
wait_for "Åse Ødegård"
wait_for "150590*****"
keys Enter
keys f
wait_for "15059010023"
keys f
wait_gone "15059010023"
keys / BSpace BSpace BSpace BSpace
typ "ærø"
wait_for "Øystein Ærø"
wait_for "1 av 1"
# On number prefix too.
keys C-u BSpace BSpace BSpace
typ "150590"
wait_for "Åse Ødegård"
keys Escape
wait_for "av 42"

# The end of the list (read from the other end) shows the same last row as the command line.
LAST=$(sv list --tsv --limit 0 | tail -1 | cut -f3)
keys G
wait_for "42 av 42"
selected | grep -qF "$LAST" || fail "siste rad er ikke «$LAST»"
keys g
wait_for "1 av 42"

# Filters: step 7 only, then cleared; sort by deadline shows the arrow on that column.
keys t t t
wait_for "Steg: 7"
keys x
wait_for "Steg: alle"
keys r
wait_for "Frist ▲"
keys R
wait_for "Frist ▼"

# Resize: the list reflows to the new width and keeps its key line.
T resize-window -t t -x 80 -y 24
wait_for "?/F1 hjelp"
[ "$(screen | wc -L)" -le 80 ] || fail "linjer bredere enn 80"
screen | grep -q "Navn" || fail "kolonnetitler mangler etter resize"
T resize-window -t t -x 100 -y 30
wait_for "Fødselsnr"

# Deadlines across the participants, earliest first; overdue only on o.
keys d
wait_for "Frister, tidligste først"
wait_for "Planvedtak"
keys o
wait_for "(bare forfalte)"
keys a
wait_for "(bare dine)"
keys a
wait_gone "(bare dine)"
keys Enter
wait_for "Neste:"
keys Escape Escape
wait_for "Søk:"

# Help is made from the same key table as the bottom line.
keys ?
wait_for "Tastene i «Deltakere»"
wait_for "søk mens du skriver"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning med q ga feil status"

# Timing hooks: start-up time without a terminal, and a per-key log that holds no typed text.
sv start --bench-startup | grep -qE "^oppstart til første skjermbilde: [0-9]+\.[0-9] ms$" || fail "--bench-startup"
start 80 24 STEGVIS_KEYLOG="$TMP/keys.log"
wait_for "Deltakere"
keys j /
typ 150590
wait_for "Åse Ødegård"
keys Enter q
wait_exit >/dev/null
[ "$(wc -l < "$TMP/keys.log")" -ge 8 ] || fail "tidsloggen mangler taster"
grep -q "150590\|Åse" "$TMP/keys.log" && fail "tidsloggen inneholder det som ble skrevet"
awk -F'\t' 'NF != 3 || $3 !~ /^[0-9]+$/ { bad = 1 } END { exit bad }' "$TMP/keys.log" || fail "tidsloggen har feil format"

# NO_COLOR: the same screen without colours (bold and reverse only).
start 80 24 NO_COLOR=1
wait_for "Deltakere"
ESC=$(printf '\033')
T capture-pane -e -p -t t | grep -aqE "$ESC\[([0-9]*;)*(3[0-7]|4[0-7]|9[0-7])m" && fail "farger med NO_COLOR"
T capture-pane -e -p -t t | grep -aqE "$ESC\[([0-9]*;)*7m" || fail "uten farger mangler markering av valgt rad"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
