# Names and texts of every script on the screens (core/text.c, tui/draw.c, tui/textedit.c):
# Cyrillic, Arabic, CJK (two columns a character) and letters with combining marks take their
# true width in the list, so the identity number after them stands in the same column; a name
# stored decomposed (NFD) is drawn composed (NFC); a name with an escape sequence or a
# right-to-left override reaches the terminal only as '?'. The built-in editor breaks lines
# where Unicode allows (after a hyphen, never inside a word, between CJK characters) and keeps
# what was typed.
. "$(dirname "$0")/lib.sh"

make_db 2
add() {
    sv participant add --fnr "$1" --name "$2" --permit_on 01.02.2025 --settled_on 15.03.2025 \
        --right_duty rett_plikt --schooling vgs >/dev/null || fail "participant add $2"
}
add 12038010008 "Zed Test"
add 12038013740 "Олена Коваленко"
add 12038021107 "محمد الحسن"
add 12038028519 "李小龙"
add 12038032206 "Nguyen Minh"
add 12038035949 "Ola Escape"
add 12038039618 "Eva Override"
# What core would never store (it refuses control characters and stores NFC), written
# straight into the file as an old or imported database could hold it: an NFD name with two
# marks on one letter, an escape sequence that would clear the screen, an override that would
# show the identity number beside it backwards.
NFD=$(printf 'Nguye\314\202\314\203n Minh')
ESCN=$(printf 'Ola\033[2J\033[31mX')
RLO=$(printf 'Eva \342\200\256Override')
# (the audit triggers call the program's sv_user(): set aside for this and put back as they were)
TRG=$(sqlite3 "$DB" "SELECT group_concat(sql, '; ') FROM sqlite_master WHERE name IN ('participant_version', 'participant_audit_u')")
sqlite3 "$DB" "DROP TRIGGER participant_version; DROP TRIGGER participant_audit_u;
               UPDATE participant SET name = '$NFD' WHERE fnr = '12038032206';
               UPDATE participant SET name = '$ESCN' WHERE fnr = '12038035949';
               UPDATE participant SET name = '$RLO' WHERE fnr = '12038039618'; $TRG;" || fail "sqlite3"

start 80 30
wait_for "Deltakere"
wait_for "Zed Test"
# cols NAME: the spaces between a name and its identity number on the list
gap() {
    screen | NAME_="$1" awk 'i = index($0, ENVIRON["NAME_"]) {
        rest = substr($0, i + length(ENVIRON["NAME_"])); match(rest, /^ */); print RLENGTH; exit }'
}
ref=$(gap "Zed Test")
[ -n "$ref" ] && [ "$ref" -gt 0 ] || fail "fant ikke kolonnen etter «Zed Test»"
col=$((ref + 8))   # the name column's width
for pair in "Олена Коваленко:15" "محمد الحسن:10" "李小龙:6" "Nguyễn Minh:11" "Ola?[2J?[31mX:13" "Eva ?Override:13"; do
    name=${pair%:*}; width=${pair##*:}
    wait_for "$name"
    got=$(gap "$name")
    [ "$got" = $((col - width)) ] || fail "«$name»: $got mellomrom før fødselsnummeret, ventet $((col - width)) (navnekolonnen $col)"
done
# composed on the screen, not decomposed
screen | grep -qF "$NFD" && fail "NFD-navnet er tegnet dekomponert"
# no escape sequence or override went out: the screen was not cleared and nothing is red
screen | grep -qF "Zed Test" || fail "skjermen ble tømt av et navn"
T capture-pane -e -p -t t | grep -q "$(printf '\033')\[31m" && fail "navnet satte farge på terminalen"
T capture-pane -p -t t | grep -q "$(printf '\342\200\256')" && fail "U+202E nådde terminalen"

# The editor, 40 columns wide: a text of every script wraps at Unicode's break opportunities.
keys /; typ "zed"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Mangler: kartlegging"
select_row "+ Registrer kartlegging"
keys Enter
wait_for "Ny: Kartlegging"
keys Enter; typ "$(date +%d.%m.%Y)"; keys Enter
keys Enter
wait_for "Skriv: Utdanning"
T resize-window -t t -x 40 -y 30 2>/dev/null || T resize-pane -t t -x 40 -y 30
sleep 0.3
WORDS="Олена Коваленко og محمد الحسن har fagbrev som elektriker-lærlingsordningen ved 李小龙李小龙李小龙李小龙李小龙 og Nguyễn Thị Minh Khai i Ho Chi Minh-byen"
typ "$WORDS"
wait_for "Minh-byen"
screen | sed -n '2,8p' >"$TMP/rows"
# every word on the screen is a whole word of the text (CJK may break between characters,
# and a hyphenated word after its hyphen)
tr -s ' ' '\n' <"$TMP/rows" | sed '/^$/d' | grep -v '李\|龙\|小' >"$TMP/words"
for w in $(cat "$TMP/words"); do
    printf ' %s ' "$WORDS" | grep -qF -- " $w " && continue
    case $w in *-) printf ' %s ' "$WORDS" | grep -qF -- " $w" && continue ;; esac
    printf ' %s ' "$WORDS" | grep -qF -- "-$w " && continue
    fail "ordet «$w» er delt inne i ordet"
done
# "fagbrev som elektriker-lærlingsordningen" is 40 columns: the row ends after the hyphen
grep -q "^fagbrev som elektriker-$" "$TMP/rows" || fail "raden ble ikke delt etter bindestreken"
grep -q "^lærlingsordningen ved " "$TMP/rows" || fail "neste rad begynner ikke med resten av ordet"
# no screen row is wider than the editor (39 columns and the cursor's)
while IFS= read -r row; do
    n=$(printf '%s' "$row" | sed 's/[李小龙]/XX/g' | sed 's/ *$//' | wc -m)
    [ "$n" -le 39 ] || fail "raden «$row» er $n kolonner"
done <"$TMP/rows"
keys C-x
wait_gone "Skriv: Utdanning"
keys Enter
wait_for "Skriv: Arbeidserfaring"
typ "Sjåfør"
keys C-x
wait_gone "Skriv:"
keys Enter; typ A1; keys Enter
keys s
wait_for "Kartlegging er lagret."
got=$(sqlite3 "$DB" "SELECT education FROM assessment a JOIN participant p ON p.id = a.participant_id WHERE p.fnr = '12038010008'")
[ "$got" = "$WORDS" ] || fail "teksten ble lagret som «$got»"
keys Escape
wait_for "Mangler"
keys Escape
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
