# Decisions end to end: demo -> export --all (with arkivmelding) -> check -> checklist, every
# exported file validated by xmllint as an independent validator; and one case by hand through
# the rule gate of `decide`.
. "$(dirname "$0")/lib.sh"
DB="$T/d.db"
S() { "$BIN" --db "$DB" "$@"; }
FIX="$(dirname "$0")/../fixtures/vedtak"

expect 0 S demo --participants 400
expect 0 S export --all "$T/eks" --arkivmelding
has "$T/out" "Eksporterte [1-9][0-9]* vedtak"
n=$(ls "$T/eks"/vedtak-*.xml | wc -l)
expect 0 test "$n" -gt 200
expect 0 test "$(ls "$T/eks/arkivmelding" | wc -l)" -eq "$n"
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/vedtak.xsd" "$T/eks"/vedtak-*.xml
hasnt "$T/err" "fails to validate"
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/arkivmelding/arkivmelding.xsd" "$T/eks"/arkivmelding/*.xml
hasnt "$T/err" "fails to validate"

# check: one line per rule and document, a summary, exit 1 because the demo has faults
expect 1 S check "$T/eks"
has "$T/out" "Sammendrag: $n dokumenter"
has "$T/out" "0 kunne ikke kontrolleres"
for rule in IN-K1-BEGRUNNELSE IN-K6-FULLTID IN-K6-HELAR IN-K2-TOLK; do has "$T/out" "	$rule	brudd	"; done
has "$T/out" "fase 3: 21 dager uten program"
oks=$(grep -c "	ok	" "$T/out")
bad_docs=$(sed -n 's/^Sammendrag: [0-9]* dokumenter, \([0-9]*\) med brudd.*/\1/p' "$T/out")
expect 0 test "$oks" -gt "$n"
# about one case in five carries a deliberate fault; sound cases must not add to that
expect 0 test "$bad_docs" -gt 0
expect 0 test $((bad_docs * 100)) -le $((n * 20))
expect 1 S check "$T/eks" --format xml
cp "$T/out" "$T/report.xml"
expect 0 xmllint --noout "$T/report.xml"
has "$T/report.xml" "<sammendrag dokumenter=\"$n\""

# documents made elsewhere: a sound one passes, a broken one names rule and evidence, files
# that are not decisions are reported and the run goes on
expect 0 S check "$FIX/base-integreringsloven.xml" "$FIX/base-introduksjonsloven.xml"
has "$T/out" "2 dokumenter, 0 med brudd"
expect 1 S check "$FIX/IN-T2-SAMFUNN-fail.xml"
has "$T/out" "IN-T2-SAMFUNN	brudd	T2	samfunnskunnskap: 50 timer"
printf '<vedtak xmlns="urn:stegvis:vedtak:1">' >"$T/broken.xml"
printf '<plan/>' >"$T/other.xml"
expect 1 S check "$T/broken.xml" "$T/other.xml" "$T/missing.xml" "$FIX/base-integreringsloven.xml"
has "$T/out" "broken.xml	feil	.*ikke velformet XML"
has "$T/out" "other.xml	feil	.*ikke et vedtaksdokument"
has "$T/out" "missing.xml	feil	.*kan ikke åpnes"
has "$T/out" "base-integreringsloven.xml	IN-K1-PLAN	ok"
has "$T/out" "4 dokumenter, 0 med brudd (0 brudd i alt), 0 merknader, 3 kunne ikke kontrolleres"

# checklist: the demo's deliberate faults are found, per control question
expect 1 S checklist
has "$T/out" "Tilsynssjekkliste"
for id in K1 K2 K3 K4 K5 K6 T1 T2; do has "$T/out" "  $id "; done
for rule in H-ENDRET H-VURDERING IN-K1-BEGRUNNELSE IN-K1-UNDERRETNING IN-K6-FULLTID IN-K2-TOLK; do has "$T/out" " $rule "; done
expect 1 S checklist --municipality 9999 --tsv
has "$T/out" "^integreringsloven	K5	[0-9]*	[1-9]"
# no demo fault touches the § 15 minimum content or social studies: no false alarms there
has "$T/out" "^integreringsloven	K3	[0-9]*	0	$"
has "$T/out" "^integreringsloven	T2	[0-9]*	0	$"
expect 1 S checklist --municipality 1234
has "$T/err" "Kommune: «1234» finnes ikke"

# One case by hand: the rule gate blocks, names the field, and lets a fixed plan through.
DB="$T/h.db"
expect 0 S init --number 4601 --name Bergen --malform nn
expect 0 S add unit --municipality 1 --kind flyktningtjeneste --name Flyktningtenesta
for m in "norsk Norskopplæring voksenopplaering utdanning" "samfunnskunnskap Samfunnskunnskap voksenopplaering utdanning" \
         "livsmestring Livsmeistring flyktningtjeneste begge" "arbeidspraksis Arbeidspraksis nav arbeid"; do
    set -- $m
    expect 0 S add measure --municipality 1 --kind "$1" --name "$2" --provider "$3" --orientation "$4" --hours 10 \
        --status eksisterende --description "Tiltak i katalogen."
done
expect 0 S participant add --fnr 01019010399 --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
expect 0 S add assessment --participant 1 --assessed-on 10.03.2025 --education "Ni års skolegang." \
    --work-experience "Butikk, to år." --language-level A1 --career-on 12.03.2025 --career-advice "Handel."
for nd in "norsk Norsk_til_B1" "arbeid Praksis_i_handel" "samfunn Samfunnskunnskap"; do
    set -- $nd
    expect 0 S add need --participant 1 --area "$1" --description "$(echo "$2" | tr _ ' ')"
done
expect 0 S add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
    --consulted-on 25.03.2025 --justification "Tilpasset."
expect 0 S add phase --plan 1 --name "Norsk og praksis" --start-on 01.04.2025 --end-on 31.03.2026
expect 0 S add phase --plan 1 --name "Arbeidspraksis" --start-on 01.04.2026 --end-on 31.03.2027
for pm in "1 1 1 20" "1 2 3 3" "1 3 3 2" "1 4 2 12,5" "2 1 1 10" "2 4 2 27,5"; do
    set -- $pm
    expect 0 S add plan_measure --phase "$1" --measure-id "$2" --need-id "$3" --hours "$4"
done
expect 1 S decide 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025
has "$T/err" "IN-K1-BEGRUNNELSE"
has "$T/err" "Funnet: 10 tegn: «Tilpasset.»"
has "$T/err" "planens felt «Begrunnelse»"
expect 1 S export 1
has "$T/err" "har ikke noe fattet vedtak"
expect 0 S edit plan 1 --justification "Deltakeren har ni års skolegang og erfaring fra butikk. Handelen i Bergen trenger folk; norsk til B1 og praksis i butikk gir en realistisk vei til fast jobb."
expect 2 S decide 1 --kind plan
expect 1 S decide 1 --kind vedtak --notify-method post
has "$T/err" "--kind: «vedtak» er ikke gyldig"
expect 0 S decide 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025
has "$T/out" "Vedtak nr. 1"
expect 0 S export 1 --out "$T/v1.xml" --arkivmelding
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/vedtak.xsd" "$T/v1.xml"
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/arkivmelding/arkivmelding.xsd" "$T/v1-arkivmelding.xml"
has "$T/v1-arkivmelding.xml" "<referanseDokumentfil>v1.xml</referanseDokumentfil>"
expect 0 S check "$T/v1.xml"
expect 0 test "$(stat -c %a "$T/v1.xml")" = 600
"$BIN" --db "$DB" export 1 >"$T/v1-stdout.xml"
expect 0 cmp "$T/v1.xml" "$T/v1-stdout.xml"
expect 2 S export 1 --arkivmelding
expect 2 S export
expect 0 S letter 1 --out "$T/brev.txt"
has "$T/brev.txt" "Fristen for å klage er 3 veker"
has "$T/brev.txt" "Åse Løvås"
# a change after the decision: marked, found by the checklist, and a plain "plan" is refused
expect 0 S edit phase 2 --name "Arbeidspraksis i butikk"
expect 0 S show 1
has "$T/out" "Endret etter vedtak"
expect 1 S checklist
has "$T/out" "H-ENDRET"
expect 1 S decide 1 --kind plan --notify-method post --notified 29.03.2025 --date 28.03.2025
has "$T/err" "K5-TYPE"
finish
