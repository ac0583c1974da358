# The decision letter as PDF/A-2b (letter N --pdf, --print), the participant certificate
# (certificate N --pdf) and archive packages (export --package): contents in the municipality's
# målform, embedded fonts, PDF/A metadata, qpdf's check, checksums, addresses, long and
# non-Latin names kept on the page, and the refusals.
. "$(dirname "$0")/lib.sh"
for tool in pdftotext pdffonts pdfinfo qpdf xmllint sha256sum; do
    command -v "$tool" >/dev/null || { echo "test_letter: $tool missing (make deps)"; exit 1; }
done
S() { "$BIN" --db "$DB" "$@"; }

# A case by hand whose participant has a long name in Latin, Cyrillic and Arabic letters.
DB="$T/h.db"
LONG="Oleksandra Олександра Шевченко محمد الحسن Bjørnstad-Løvås-Åsheim Tesfamariam-Ghebremedhin"
expect 0 S init --number 4601 --name Bergen
expect 0 S user add kari adviser --municipality 4601 --name "Kari Nordmann" --title "Programrådgiver"
expect 0 S add unit --municipality 1 --kind flyktningtjeneste --name Flyktningtjenesten
expect 1 S edit unit 1 --postcode 50x3
has "$T/err" "Postnummer: må være et norsk postnummer på fire siffer"
expect 1 S edit unit 1 --postcode 5003
has "$T/err" "Postadresse: må fylles ut når resten av postadressen er oppgitt"
expect 0 S edit unit 1 --street "Postboks 7700" --postcode 5020 --place BERGEN
for m in "norsk Norskopplæring voksenopplaering utdanning" "samfunnskunnskap Samfunnskunnskap voksenopplaering utdanning" \
         "livsmestring Livsmestring flyktningtjeneste begge" "arbeidspraksis Arbeidspraksis_i_varehandel nav arbeid"; do
    set -- $m
    expect 0 S add measure --municipality 1 --kind "$1" --name "$(echo "$2" | tr _ ' ')" --provider "$3" --orientation "$4" \
        --hours 10 --status eksisterende --description "Tiltak i katalogen."
done
expect 0 S participant add --fnr 01019010399 --name "$LONG" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
expect 1 S edit participant 1 --postcode 123
has "$T/err" "Postnummer: må være et norsk postnummer på fire siffer (f.eks. 5003)"
expect 0 S add assessment --participant 1 --assessed-on 10.03.2025 --education "Ni års skolegang i Kyiv." \
    --work-experience "Butikkmedarbeider i to år." --language-level A1 --career-on 12.03.2025 --career-advice "Varehandel."
for nd in "norsk Norsk_til_B1" "arbeid Praksis_i_handel" "samfunn Samfunnskunnskap"; do
    set -- $nd
    expect 0 S add need --participant 1 --area "$1" --description "$(echo "$2" | tr _ ' ')"
done
expect 0 S add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
    --consulted-on 25.03.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk. Handelen i Bergen trenger folk; norsk til B1 og praksis i butikk gir en realistisk vei til fast jobb."
expect 0 S add phase --plan 1 --name "Norsk og praksis" --start-on 01.04.2025 --end-on 31.03.2026
expect 0 S add phase --plan 1 --name "Arbeidspraksis" --start-on 01.04.2026 --end-on 31.03.2027
for pm in "1 1 1 20" "1 2 3 3" "1 3 3 2" "1 4 2 12,5" "2 1 1 10" "2 4 2 27,5"; do
    set -- $pm
    expect 0 S add plan_measure --phase "$1" --measure-id "$2" --need-id "$3" --hours "$4"
done
STEGVIS_USER=kari expect 0 S decide 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes

# No postal address: a message before anything is made, and no file.
expect 1 S letter 1 --pdf "$T/none.pdf"
has "$T/err" "har ingen postadresse"
expect 1 test -e "$T/none.pdf"
LONGST="Kong Christian Frederiks plass 1, oppgang B, leilighet 1204, hos familien Abdullahi-Tesfamariam"
expect 0 S edit participant 1 --street "$LONGST" --postcode 5003 --place BERGEN

# The letter: every section with the participant's own data, in bokmål.
expect 0 S letter 1 --pdf "$T/l.pdf"
has "$T/out" "$T/l.pdf"
expect 0 test "$(stat -c %a "$T/l.pdf")" = 600
pdftotext "$T/l.pdf" "$T/l.txt"
tr -s ' \n' ' ' <"$T/l.txt" >"$T/l.flat"
for s in "Bergen" "Flyktningtjenesten" "Postboks 7700" "5020 BERGEN" "5003 BERGEN" "Kong Christian Frederiks plass" \
         "Vår referanse: 4601/1/1" "Dato: 28.03.2025" "VEDTAK OM INTRODUKSJONSPROGRAM" "HVA VI HAR LAGT VEKT PÅ" \
         "Utdanning: Ni års skolegang i Kyiv." "Arbeidserfaring: Butikkmedarbeider i to år." \
         "Karriereveiledning 12.03.2025: Varehandel." "PLANEN DIN" "Timer i uka" "Tilbyder" "Arbeidspraksis i varehandel" \
         "Voksenopplæringen" "12,5" "37,5 timer i uka" "BEGRUNNELSE" "integreringsloven § 15" "Deltakeren har ni års skolegang" \
         "DU KAN KLAGE" "Statsforvalteren" "forvaltningsloven § 28" "Klagen sendes til Flyktningtjenesten, Postboks 7700" \
         "MELDING OM VEDTAKET" "29.03.2025" "Brev i posten" "Med vennlig hilsen" "Kari Nordmann" "Programrådgiver" "Side 1 av"; do
    has "$T/l.flat" "$s"
done
hasnt "$T/l.flat" "voksenopplaering"
hasnt "$T/l.flat" "37\.5"
# the long name, in Latin, Cyrillic and Arabic letters, is all there (pdftotext puts spaces
# and direction marks between the glyphs of a right-to-left word: they are taken out)
sed 's/\xe2\x80[\xaa-\xae]//g; s/\xe2\x80[\x8e\x8f]//g' "$T/l.txt" | tr -d ' \n-' >"$T/l.tight"
for w in "Oleksandra" "Олександра" "Шевченко" "محمد" "الحسن" "BjørnstadLøvåsÅsheim" "TesfamariamGhebremedhin"; do
    has "$T/l.tight" "$w"
done
# ... and nothing is off the page: every word's box inside the A4 page
pdftotext -bbox "$T/l.pdf" "$T/l.html"
awk -F'"' '/<word/ { for (i = 1; i < NF; i++) { if ($i ~ /xMin=$/ && $(i+1) < 0) bad++; if ($i ~ /xMax=$/ && $(i+1) > 595) bad++;
    if ($i ~ /yMax=$/ && $(i+1) > 842) bad++ }; n++ } END { print n + 0, bad + 0 }' "$T/l.html" >"$T/boxes"
read -r words off <"$T/boxes"
if [ "$words" -gt 300 ] && [ "$off" -eq 0 ]; then ok; else bad "words on the page: $words, off the page: $off"; fi
# every font embedded, qpdf finds nothing, and the XMP says PDF/A-2b
pdffonts "$T/l.pdf" >"$T/fonts"
if awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' "$T/fonts" && [ "$(wc -l <"$T/fonts")" -gt 2 ]; then ok; else
    bad "a font is not embedded: $(cat "$T/fonts")"; fi
expect 0 qpdf --check "$T/l.pdf"
pdfinfo -meta "$T/l.pdf" >"$T/meta"
has "$T/meta" "<pdfaid:part>2</pdfaid:part>"
has "$T/meta" "<pdfaid:conformance>B</pdfaid:conformance>"
has "$T/meta" "<xmp:CreateDate>2025-03-28T12:00:00Z</xmp:CreateDate>"
pdfinfo "$T/l.pdf" >"$T/info"
has "$T/info" "CreationDate: *Fri Mar 28 12:00:00 2025"
qpdf --qdf "$T/l.pdf" - 2>/dev/null | grep -a -c "/OutputIntent\b\|/GTS_PDFA1" >"$T/oi"
if [ "$(cat "$T/oi")" -ge 2 ]; then ok; else bad "no PDF/A output intent"; fi
# the same decision gives the same bytes
expect 0 S letter 1 --pdf "$T/l2.pdf"
expect 0 cmp "$T/l.pdf" "$T/l2.pdf"
# the plain-text letter still comes from the same checked document
expect 0 S letter 1
has "$T/out" "VEDTAK OM INTRODUKSJONSPROGRAM"
# ... and carries what the PDF carries (forvaltningsloven §§ 25 and 27): the assessment's facts,
# labels instead of codes, Norwegian numbers, where to send an appeal, the adviser's name and title
for s in "Utdanning: Ni års skolegang i Kyiv." "Arbeidserfaring: Butikkmedarbeider i to år." \
         "Karriereveiledning 12.03.2025: Varehandel." "ved Voksenopplæringen" "12,5 timer i uka" "37,5 timer i uka" \
         "avgjør Statsforvalteren" "Klagen sendes til Flyktningtjenesten, Postboks 7700, 5020 BERGEN." "(Brev i posten)" \
         "Kari Nordmann" "Programrådgiver" "Flyktningtjenesten, Bergen"; do
    has "$T/out" "$s"
done
hasnt "$T/out" "voksenopplaering"
hasnt "$T/out" "[0-9]\.[05] timer"
hasnt "$T/out" "^kari$"
# the kind of final goal as its label, and the day the appeal deadline runs out: notified
# 29.03.2025 + 3 weeks is Saturday 19.04, Easter Sunday and Monday follow, so Tuesday 22.04
# (forvaltningsloven § 29 with domstolloven § 149)
has "$T/out" "Sluttmålet ditt: Arbeid. Fast jobb som butikkmedarbeider i Bergen"
has "$T/out" "Klagefristen din går ut 22.04.2025."
# a decision made before 1 January 2021 names the appeal body of its day: a case of 2019 under
# introduksjonsloven and one of 2025, made here (the demo's dates follow today, so its old
# decisions age out of any window)
HAND_DB="$DB"
DB="$T/appealbody.db"
DD="$DB"
. "$(dirname "$0")/case.sh"
make_municipality
make_case 1 01019010399 "Åse Løvås" 2019
make_case 2 02029010075 "Omar Haddad"
R contract set 2 --participant-commits "Delta i norsk og praksis, melde fravær." \
    --municipality-commits "Tilby norskopplæring og praksisplass." --signed 27.03.2025
STEGVIS_USER=kari R decide 1 --kind plan --notify-method post --date 28.03.2019 --notified 29.03.2019 --yes
STEGVIS_USER=kari R decide 2 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
OLD=$(sqlite3 "$DD" "SELECT participant_id FROM decision GROUP BY participant_id HAVING max(decided_on) < '2021-01-01' LIMIT 1")
NEW=$(sqlite3 "$DD" "SELECT participant_id FROM decision GROUP BY participant_id HAVING max(decided_on) >= '2021-01-01' LIMIT 1")
if [ "$OLD" = 1 ] && [ "$NEW" = 2 ]; then ok; else bad "no decision from before 2021 (old=$OLD) or after (new=$NEW)"; fi
expect 0 "$BIN" --db "$DD" letter "${OLD:-0}"
has "$T/out" "Fylkesmannen"
hasnt "$T/out" "Statsforvalteren"
expect 0 "$BIN" --db "$DD" letter "${NEW:-0}"
has "$T/out" "Statsforvalteren"
hasnt "$T/out" "Fylkesmannen"
# a notification recorded after the decision is what the letter says, with the deadline from it
ND=$(sqlite3 "$DD" "SELECT id FROM decision WHERE participant_id = ${NEW:-0} ORDER BY decided_on DESC, id DESC LIMIT 1")
ON=$(sqlite3 "$DD" "SELECT strftime('%d.%m.%Y', decided_on, '+10 days') FROM decision WHERE id = ${ND:-0}")
grep "Klagefristen din går ut" "$T/out" >"$T/before"
expect 0 "$BIN" --db "$DD" notify "${ND:-0}" --notified "$ON" --notify-method digitalt
expect 0 "$BIN" --db "$DD" letter "${NEW:-0}"
has "$T/out" "Du fikk melding om vedtaket $ON"
has "$T/out" "Klagefristen din går ut [0-3][0-9]\.[01][0-9]\.20[0-9][0-9]\."
grep "Klagefristen din går ut" "$T/out" >"$T/after"
if cmp -s "$T/before" "$T/after"; then bad "the appeal deadline did not follow the notification recorded later"; else ok; fi
DB="$HAND_DB"

# Printing: through lp, with a clear message when there is none or no printer.
mkdir -p "$T/bin" "$T/nolp"
printf '#!/bin/sh\ncat >"%s/printed.pdf"\necho "request id is fake-7 (1 file(s))"\n' "$T" >"$T/bin/lp"
chmod +x "$T/bin/lp"
PATH="$T/bin:$PATH" expect 0 S letter 1 --print
has "$T/out" "fake-7"
expect 0 cmp "$T/printed.pdf" "$T/l.pdf"
printf '#!/bin/sh\ncat >/dev/null\necho "lp: Error - no default destination available." >&2\nexit 1\n' >"$T/bin/lp"
PATH="$T/bin:$PATH" expect 1 S letter 1 --print
has "$T/err" "ingen skriver er satt opp"
has "$T/err" "no default destination"
PATH="$T/nolp" expect 1 "$BIN" --db "$DB" letter 1 --print
has "$T/err" "finner ikke programmet lp"

# The certificate: refused while the programme runs, made for a completed and an ended one.
expect 1 S certificate 1 --pdf "$T/c.pdf"
has "$T/err" "har ikke avsluttet programmet"
expect 1 test -e "$T/c.pdf"
expect 0 S add evaluation --participant 1 --evaluated-on 15.11.2026 --outcome arbeid --end-reason arbeid
STEGVIS_USER=kari expect 0 S certificate 1 --pdf "$T/c.pdf"
expect 0 test "$(stat -c %a "$T/c.pdf")" = 600
pdftotext "$T/c.pdf" - | tr -s ' \n' ' ' >"$T/c.flat"
for s in "DELTAKERBEVIS" "integreringsloven § 18 a" "Олександра" "født 01.01.1990" "01.04.2025 til 15.11.2026" \
         "Opplæring i norsk" "Samfunnskunnskap" "75 timer" "Arbeidspraksis i varehandel" "«Livsmestring i et nytt land» Gjennomført" \
         "Foreldreveiledning Ikke en del av programmet" "Fast jobb som butikkmedarbeider" "Overgang til arbeid" "Kari Nordmann"; do
    has "$T/c.flat" "$s"
done
expect 0 qpdf --check "$T/c.pdf"
pdfinfo -meta "$T/c.pdf" | grep -q "<pdfaid:part>2</pdfaid:part>" && ok || bad "certificate XMP is not PDF/A-2"
expect 0 S edit evaluation 1 --end-reason stans --outcome annet
expect 0 S certificate 1 --pdf "$T/c2.pdf"
pdftotext "$T/c2.pdf" - | tr -s ' \n' ' ' >"$T/c2.flat"
has "$T/c2.flat" "Varig stans"

# Archive packages: a folder per decision, valid arkivmelding, checksums and sizes that match,
# the same bytes when exported again but for meldingId and tidspunkt.
expect 0 S export 1 --package "$T/pk"
P="$T/pk/vedtak-4601-1-1"
for f in arkivmelding.xml vedtaksbrev.pdf vedtak.xml; do expect 0 test -f "$P/$f"; done
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/arkivmelding/arkivmelding.xsd" "$P/arkivmelding.xml"
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/vedtak.xsd" "$P/vedtak.xml"
has "$P/arkivmelding.xml" "<variantformat>Arkivformat</variantformat>"
has "$P/arkivmelding.xml" "<tilknyttetRegistreringSom>Vedlegg</tilknyttetRegistreringSom>"
has "$P/arkivmelding.xml" "PDF/A-2b"
has "$P/arkivmelding.xml" "<tilgangsrestriksjon>13</tilgangsrestriksjon>"
for f in vedtaksbrev.pdf vedtak.xml; do
    sum=$(sha256sum "$P/$f" | cut -d' ' -f1)
    size=$(stat -c %s "$P/$f")
    tr -d '\n ' <"$P/arkivmelding.xml" | grep -q "<referanseDokumentfil>$f</referanseDokumentfil><sjekksum>$sum</sjekksum><sjekksumAlgoritme>SHA-256</sjekksumAlgoritme><filstoerrelse>$size</filstoerrelse>" \
        && ok || bad "$f: sjekksum or size in the arkivmelding does not match the file"
done
expect 0 cmp "$P/vedtaksbrev.pdf" "$T/l.pdf"
sleep 1
expect 0 S export --all --package "$T/pk2"
has "$T/out" "Arkivpakker: 1 vedtak"
diff "$P/arkivmelding.xml" "$T/pk2/vedtak-4601-1-1/arkivmelding.xml" | grep '^[<>]' | grep -v "meldingId\|tidspunkt" >"$T/adiff"
expect 0 test ! -s "$T/adiff"
expect 0 cmp "$P/vedtaksbrev.pdf" "$T/pk2/vedtak-4601-1-1/vedtaksbrev.pdf"
expect 0 cmp "$P/vedtak.xml" "$T/pk2/vedtak-4601-1-1/vedtak.xml"
# exporting into the same place again replaces the package whole
expect 0 S export 1 --package "$T/pk"
expect 0 test "$(ls -A "$T/pk" | wc -l)" -eq 1

# A decision whose stored row no longer matches the chain is not made into a letter.
cp "$DB" "$T/tampered.db"
sqlite3 "$T/tampered.db" "DROP TRIGGER IF EXISTS decision_no_update; UPDATE decision SET reason = 'endret' WHERE id = 1" 2>/dev/null
"$BIN" --db "$T/tampered.db" letter 1 --pdf "$T/t.pdf" >"$T/out" 2>"$T/err"
if [ $? -ne 0 ] && [ ! -e "$T/t.pdf" ]; then ok; else bad "a tampered decision became a letter"; fi

# Nynorsk: a municipality that writes nynorsk gets its letter in nynorsk.
DB="$T/m.db"
expect 0 S demo --participants 40 --municipalities 4 --seed 3
NN=$(sqlite3 "$DB" "SELECT p.id FROM decision d JOIN participant p ON p.id = d.participant_id
    JOIN municipality m ON m.id = p.municipality_id WHERE m.malform = 'nn' ORDER BY p.id LIMIT 1")
expect 0 S letter "$NN" --pdf "$T/nn.pdf"
pdftotext "$T/nn.pdf" - | tr -s ' \n' ' ' >"$T/nn.flat"
for s in "KVA VI HAR LAGT VEKT PÅ" "PLANEN DIN" "GRUNNGIVING" "Timar i veka" "Tilbydar" "Med venleg helsing" "Side 1 av"; do
    has "$T/nn.flat" "$s"
done
hasnt "$T/nn.flat" "Med vennlig hilsen"
ACTIVE=$(sqlite3 "$DB" "SELECT p.id FROM participant p WHERE NOT EXISTS(SELECT 1 FROM evaluation e WHERE e.participant_id = p.id)
    AND EXISTS(SELECT 1 FROM plan l WHERE l.participant_id = p.id) LIMIT 1")
expect 1 S certificate "$ACTIVE" --pdf "$T/active.pdf"
has "$T/err" "har ikke avsluttet programmet"
expect 0 S export --all --package "$T/all"
n=$(ls "$T/all" | wc -l)
d=$(sqlite3 "$DB" "SELECT count(*) FROM decision")
expect 0 test "$n" -eq "$d"
finish
