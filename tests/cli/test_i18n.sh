# Every message has both forms: each _()/N_() string of the sources has a nynorsk entry in
# po/nn.po with the same printf conversions, and the program speaks nynorsk when asked.
. "$(dirname "$0")/lib.sh"
TOP="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$TOP"
xgettext -k_ -kN_ -ksv_tr:2 -k_n:1,2 -ksv_ntr:2,3 -kC_:1c,2 -ksv_ptr:2c,3 --from-code=UTF-8 -o "$T/all.pot" $(ls core/*.c forms/*.c cli/*.c tui/*.c tui/*.h 2>/dev/null | sort)
expect 0 msgcmp --use-untranslated po/nn.po "$T/all.pot"
msgattrib --untranslated --no-obsolete po/nn.po >"$T/untranslated"
if grep -q '^msgid "[^"]' "$T/untranslated"; then
    bad "untranslated in po/nn.po: $(grep -c '^msgid "[^"]' "$T/untranslated") (run: make pot, then translate)"
else ok; fi
msgattrib --only-fuzzy --no-obsolete po/nn.po >"$T/fuzzy"
if grep -q '^msgid "[^"]' "$T/fuzzy"; then bad "fuzzy entries in po/nn.po"; else ok; fi
expect 0 msgfmt -c --check-format -o /dev/null po/nn.po
# The catalogue is GNU gettext's: msgfmt built it into build/locale, and the home-made .po
# reader is gone (a .po file named by the environment is not read).
expect 0 test -s "$TOP/build/locale/nn/LC_MESSAGES/stegvis.mo"
expect 0 msgunfmt -o /dev/null "$TOP/build/locale/nn/LC_MESSAGES/stegvis.mo"
if grep -q "msgstr" core/i18n.c; then bad "core/i18n.c still reads .po files"; else ok; fi
# The program itself: a bad identity number in nynorsk and in bokmål, whatever locale the user
# has (only C.UTF-8 may be generated; an unset locale is "C", where gettext looks nothing up
# unless the program sees to it; a LANGUAGE of another language must not win).
"$BIN" --db "$T/a.db" init --number 4601 --name Bergen >/dev/null
for loc in "LC_ALL=C.UTF-8" "LC_ALL=C" "LC_ALL=POSIX" "-u LC_ALL -u LANG -u LC_MESSAGES -u LANGUAGE" \
           "LC_ALL=de_DE.UTF-8 LANGUAGE=de:en" "LC_ALL=nn_NO.UTF-8"; do
    env $loc STEGVIS_LANG=nn "$BIN" --db "$T/a.db" participant add --fnr 12345 --name X >/dev/null 2>"$T/err.nn"
    has "$T/err.nn" "Fødselsnummer: må vere 11 siffer"
    env $loc STEGVIS_LANG=nb "$BIN" --db "$T/a.db" participant add --fnr 12345 --name X >/dev/null 2>"$T/err.nb"
    has "$T/err.nb" "Fødselsnummer: må være 11 siffer"
done
# The language from the locale the user has, without STEGVIS_LANG.
env -u STEGVIS_LANG -u LANGUAGE LC_ALL=nn_NO.UTF-8 "$BIN" --db "$T/a.db" participant add --fnr 12345 --name X >/dev/null 2>"$T/err"
has "$T/err" "må vere 11 siffer"
env -u STEGVIS_LANG LC_ALL=C.UTF-8 LANGUAGE=nn "$BIN" --db "$T/a.db" participant add --fnr 12345 --name X >/dev/null 2>"$T/err"
has "$T/err" "må vere 11 siffer"
env -u STEGVIS_LANG -u LANGUAGE LC_ALL=C.UTF-8 "$BIN" --db "$T/a.db" participant add --fnr 12345 --name X >/dev/null 2>"$T/err"
has "$T/err" "må være 11 siffer"
# Counts take their plural form (ngettext) in both languages, and no "(er)"-style plural is
# left in the catalogue.
if grep '^msg' po/nn.po | grep -q '[a-zæøå](\(er\|r\|e\|ar\|a\|ne\|te\))\|/kommunar'; then
    bad "(er)-style plural in po/nn.po: $(grep '^msg' po/nn.po | grep '[a-zæøå](\(er\|r\|e\|ar\|a\|ne\|te\))\|/kommunar' | head -2)"
else ok; fi
if grep -q '^msgid_plural' po/nn.po && ! grep -A3 '^msgid_plural' po/nn.po | grep -q '^msgstr\[1\]'; then bad "plural entries without msgstr[1]"; else ok; fi
# A count followed by a noun that has a plural form is a message for ngettext: every entry of
# the sources' catalogue without msgid_plural is searched for one.
msgcat --no-wrap "$T/all.pot" | awk '
    /^msgid / { id = $0; next }
    /^msgid_plural / { id = ""; next }
    /^msgstr/ { if (id ~ /%(l|ll|z)?[du] (deltakere|deltakarar|dager|dagar|saker|merknader|kommuner|dokumenter|rader|tiltak|vedtak|brudd|filer|uker|timer)([^a-zæøå]|$)/) print id; id = "" }' >"$T/nonplural"
if [ -s "$T/nonplural" ]; then bad "a count without ngettext: $(head -3 "$T/nonplural")"; else ok; fi
for l in nb nn; do
    STEGVIS_LANG=$l expect 0 "$BIN" --db "$T/p1-$l.db" demo --participants 1 --municipalities 1 --seed 2
    cp "$T/out" "$T/demo1.$l"
    STEGVIS_LANG=$l expect 0 "$BIN" --db "$T/p2-$l.db" demo --participants 3 --municipalities 2 --seed 2
    cp "$T/out" "$T/demo3.$l"
done
has "$T/demo1.nb" "Demodata: 1 deltaker i 1 kommune,"
has "$T/demo3.nb" "Demodata: 3 deltakere i 2 kommuner,"
has "$T/demo1.nn" "Demodata: 1 deltakar i 1 kommune,"
has "$T/demo3.nn" "Demodata: 3 deltakarar i 2 kommunar,"
STEGVIS_LANG=nb "$BIN" --db "$T/p1-nb.db" list >"$T/l1.nb" 2>&1
has "$T/l1.nb" "^1 av 1 deltaker vist"
STEGVIS_LANG=nn "$BIN" --db "$T/p1-nn.db" list >"$T/l1.nn" 2>&1
has "$T/l1.nn" "^Viser 1 av 1 deltakar\."
STEGVIS_LANG=nn "$BIN" --db "$T/p2-nn.db" list >"$T/l3.nn" 2>&1
has "$T/l3.nn" "^Viser 3 av 3 deltakarar\."
# A municipality that writes nynorsk sends the decision, its legal texts and the letter in
# nynorsk; a bokmål one in bokmål. Both pass the rule check.
expect 0 "$BIN" --db "$T/m.db" demo --participants 60 --municipalities 4 --seed 3
NN=$(sqlite3 "$T/m.db" "SELECT p.id FROM decision d JOIN participant p ON p.id = d.participant_id
    JOIN municipality m ON m.id = p.municipality_id WHERE m.malform = 'nn' ORDER BY p.id LIMIT 1")
NB=$(sqlite3 "$T/m.db" "SELECT p.id FROM decision d JOIN participant p ON p.id = d.participant_id
    JOIN municipality m ON m.id = p.municipality_id WHERE m.malform = 'nb' ORDER BY p.id LIMIT 1")
expect 0 "$BIN" --db "$T/m.db" export "$NN" --out "$T/nn.xml"
has "$T/nn.xml" "forvaltningslova § 28"
has "$T/nn.xml" "hjemmel=\"[a-z]*lova "
expect 0 "$BIN" --db "$T/m.db" export "$NB" --out "$T/nb.xml"
has "$T/nb.xml" "forvaltningsloven § 28"
"$BIN" --db "$T/m.db" letter "$NN" >"$T/letter.nn"
has "$T/letter.nn" "Statsforvaltaren"
"$BIN" check "$T/nn.xml" "$T/nb.xml" >"$T/check" 2>&1
if grep -q "regelsett\|ikke velformet\|følger ikke skjemaet" "$T/check"; then bad "nynorsk decision not checkable: $(head -c 300 "$T/check")"; else ok; fi
# The checklist on nynorsk screens asks the control questions in nynorsk, and a violation is
# explained in nynorsk.
STEGVIS_LANG=nn "$BIN" --db "$T/m.db" checklist >"$T/cl.nn" 2>&1
has "$T/cl.nn" "Fastset kommunen integreringsplanen"
"$BIN" --db "$T/m.db" export --all "$T/all" >/dev/null 2>&1
STEGVIS_LANG=nn "$BIN" check "$T/all" >"$T/check.nn" 2>&1
if grep -q "brudd" "$T/check.nn"; then
    if grep "brudd" "$T/check.nn" | grep -q "ikkje\|vere\|kva\|deltakar"; then ok; else bad "rule message not in nynorsk: $(grep brudd "$T/check.nn" | head -1)"; fi
else ok; fi
finish
