# Appeals through the command line (forvaltningsloven §§ 28-34): a decision notified on
# 29.03.2025, whose three weeks end on Saturday 19.04.2025 in Easter and so run to Tuesday
# 22.04.2025 (§ 29 with domstolloven § 149); an appeal in time and one a day late (§ 31), the
# municipality's review (§ 33: upheld and sent, or changed by a new decision), the outcome at
# Statsforvalteren, the refusals (naming the field, nothing changed), the roles and the audit.
. "$(dirname "$0")/lib.sh"
DB="$T/k.db"
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
R() { S "$@" >/dev/null || bad "setup: $* :: $(S "$@" 2>&1 | head -c 300)"; }
R init --number 4601 --name Bergen
R init --number 5001 --name Trondheim
for m in "norsk Norskopplæring voksenopplaering utdanning" "samfunnskunnskap Samfunnskunnskap voksenopplaering utdanning" \
         "livsmestring Livsmestring flyktningtjeneste begge" "arbeidspraksis Arbeidspraksis nav arbeid"; do
    set -- $m
    R add measure --municipality 4601 --kind "$1" --name "$2" --provider "$3" --orientation "$4" --hours 10 \
        --status eksisterende --description "Tiltak i katalogen."
done
R participant add --fnr 01019010399 --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei --municipality 4601
R add assessment --participant 1 --assessed-on 10.03.2025 --education "Ni års skolegang." \
    --work-experience "Butikk, to år." --language-level A1 --career-on 12.03.2025 --career-advice "Handel."
for nd in "norsk Norsk_til_B1" "arbeid Praksis_i_handel" "samfunn Samfunnskunnskap"; do
    set -- $nd
    R add need --participant 1 --area "$1" --description "$(echo "$2" | tr _ ' ')"
done
R add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
    --consulted-on 25.03.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk. Handelen i Bergen trenger folk; norsk til B1 og praksis i butikk gir en realistisk vei til fast jobb."
R add phase --plan 1 --name "Norsk og praksis" --start-on 01.04.2025 --end-on 31.03.2026
R add phase --plan 1 --name "Arbeidspraksis" --start-on 01.04.2026 --end-on 31.03.2027
for pm in "1 1 1 20" "1 2 3 3" "1 3 3 2" "1 4 2 12,5" "2 1 1 10" "2 4 2 27,5"; do
    set -- $pm
    R add plan_measure --phase "$1" --measure-id "$2" --need-id "$3" --hours "$4"
done
S decide 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes >/dev/null 2>&1
[ "$(q "SELECT count(*) FROM decision")" -eq 1 ] && ok || bad "setup: the decision was not made"

# in time: received on the last day, the deadline moved past Easter
expect 0 S appeal add --decision 1 --received 22.04.2025 --grounds "Jeg vil ha mer norsk og mindre praksis."
has "$T/out" "Klage nr. 1 er lagret"
has "$T/out" "Klagefrist 22.04.2025 (forvaltningsloven § 29"
hasnt "$T/out" "for sent"
# § 33: a month from receipt, 22.05.2025 (a Thursday)
has "$T/out" "Forventet oversendelse til Statsforvalteren senest 22.05.2025 (forvaltningsloven § 33"
# a day late: registered, with the question of § 31
expect 0 S appeal add --decision 1 --received 23.04.2025 --grounds "Praksisplassen er for langt unna."
has "$T/out" "Klage nr. 2 er lagret"
has "$T/out" "klagen kom for sent"
has "$T/out" "skal den likevel tas under behandling? (forvaltningsloven § 31"
[ "$(q "SELECT late FROM appeal WHERE id = 2")" -eq 1 ] && ok || bad "appeal 2 should be late"
[ "$(q "SELECT late FROM appeal WHERE id = 1")" -eq 0 ] && ok || bad "appeal 1 is in time"

# refusals: the field named, nothing changed
n0=$(q "SELECT count(*) FROM audit WHERE tbl = 'appeal'")
expect 1 S appeal add --decision 9 --received 22.04.2025 --grounds "x"
has "$T/err" "Vedtak: det finnes ikke noe fattet vedtak nr. 9"
expect 1 S appeal add --decision 1 --received 27.03.2025 --grounds "x"
has "$T/err" "Mottatt dato: kan ikke være før vedtaksdatoen"
expect 1 S appeal add --decision 1 --received 01.01.2099 --grounds "x"
has "$T/err" "Mottatt dato: kan ikke være fram i tid"
expect 1 S appeal add --decision 1 --received 22.04.2025 --grounds ""
has "$T/err" "Klagegrunner: må fylles ut"
expect 1 S appeal add --decision 1 --received 31.02.2025 --grounds "x"
has "$T/err" "Mottatt dato (--received): «31.02.2025» er ikke en dato"
expect 1 S appeal add --decision 1 --received 22.04.2025 --grounds "x" --municipality 5001
has "$T/err" "Vedtak: vedtak nr. 1 hører til en annen kommune"
STEGVIS_USER=root R user add trond adviser --municipality 5001
STEGVIS_USER=trond expect 1 S appeal add --decision 1 --received 22.04.2025 --grounds "x"
has "$T/err" "Vedtak: vedtak nr. 1 hører til en annen kommune"
expect 1 S appeal review 2 --result opprettholdt --on 24.04.2025
has "$T/err" "Sen klage: avgjør først om klagen likevel tas under behandling"
expect 1 S appeal late 1 --considered ja --reason "x"
has "$T/err" "Sen klage: klagen kom innen klagefristen"
expect 1 S appeal late 2 --considered kanskje --reason "x"
has "$T/err" "Sen klage: svar ja eller nei"
expect 1 S appeal late 2 --considered ja --reason ""
has "$T/err" "Begrunnelse: må fylles ut"
expect 1 S appeal outcome 1 --result opprettholdt --on 01.05.2025
has "$T/err" "Utfall: klagen er ikke sendt til Statsforvalteren"
expect 1 S appeal send 1 --on 01.05.2025
has "$T/err" "Sendt dato: klagen sendes til Statsforvalteren når kommunen har vurdert den"
expect 1 S appeal review 1 --result avvist --on 24.04.2025
has "$T/err" "Kommunens vurdering: «avvist» er ikke gyldig"
expect 1 S appeal review 1 --result opprettholdt --on 21.04.2025
has "$T/err" "Vurdert dato: kan ikke være før klagen kom inn"
expect 1 S appeal review 1 --result endret --on 24.04.2025
has "$T/err" "Nytt vedtak: oppgi vedtaket som endret"
expect 1 S appeal review 1 --result endret --on 24.04.2025 --new-decision 1
has "$T/err" "Nytt vedtak: må være et nytt vedtak"
expect 1 S appeal review 7 --result opprettholdt --on 24.04.2025
has "$T/err" "Klage: det finnes ingen klage nr. 7"
expect 2 S appeal add --decision 1 --bogus 1
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'appeal'")" -eq "$n0" ] && ok || bad "a refusal changed the appeals"

# roles: NAV neither registers nor reads; the supervisor reads but does not register
STEGVIS_USER=root R user add nav1 nav --municipality 4601
STEGVIS_USER=root R user add tilsyn supervisor
STEGVIS_USER=nav1 expect 1 S appeal add --decision 1 --received 22.04.2025 --grounds "x"
has "$T/err" "registrere og behandle klager"
STEGVIS_USER=nav1 expect 1 S appeal list
has "$T/err" "se klager"
STEGVIS_USER=tilsyn expect 0 S appeal list
has "$T/out" "Klage nr. 1"
STEGVIS_USER=tilsyn expect 1 S appeal review 1 --result opprettholdt --on 24.04.2025
has "$T/err" "registrere og behandle klager"

# the whole way: upheld, sent, outcome; a second outcome refused
expect 0 S appeal review 1 --result opprettholdt --on 24.04.2025
has "$T/out" "Skal sendes til Statsforvalteren senest 22.05.2025"
expect 1 S appeal send 1 --on 23.04.2025
has "$T/err" "Sendt dato: kan ikke være før kommunens vurdering"
expect 0 S appeal send 1 --on 25.04.2025
has "$T/out" "Sendt til Statsforvalteren 25.04.2025"
expect 1 S appeal outcome 1 --result opprettholdt --on 24.04.2025
has "$T/err" "Utfallsdato: kan ikke være før klagen ble sendt"
expect 0 S appeal outcome 1 --result opphevet --on 20.06.2025 --note "Sendt tilbake for ny vurdering av praksisen."
has "$T/out" "Utfall hos Statsforvalteren 20.06.2025: opphevet og sendt tilbake"
expect 1 S appeal outcome 1 --result endret --on 21.06.2025
has "$T/err" "Utfall: klagen har allerede et utfall (opphevet og sendt tilbake)"
# the late one: considered, with a reason
expect 0 S appeal late 2 --considered nei --reason "Ingen grunn til at klagen kom for sent."
has "$T/out" "Sen klage ikke tatt under behandling (forvaltningsloven § 31): Ingen grunn"
expect 1 S appeal review 2 --result opprettholdt --on 24.04.2025
has "$T/err" "Sen klage: klagen er ikke tatt under behandling"

# stored: audited (one row per step), never deleted, the received facts fixed
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'appeal' AND row_id = 1")" -eq 4 ] && ok || bad "appeal 1: 4 audit rows"
sqlite3 "$DB" "DELETE FROM appeal WHERE id = 1" 2>"$T/err" && bad "an appeal was deleted" || ok
has "$T/err" "en registrert klage kan ikke slettes"
sqlite3 "$DB" "UPDATE appeal SET grounds = 'annet', version = version + 1 WHERE id = 1" 2>"$T/err" && bad "grounds changed" || ok
[ "$(q "SELECT grounds FROM appeal WHERE id = 1")" = "Jeg vil ha mer norsk og mindre praksis." ] && ok || bad "grounds changed"
expect 0 S appeal list --tsv
[ "$(wc -l <"$T/out")" -eq 2 ] && ok || bad "two appeals in --tsv"
has "$T/out" "^1	1	1	22.04.2025	22.04.2025	22.05.2025	0		opprettholdt	24.04.2025	25.04.2025	opphevet	20.06.2025	"
expect 0 S appeal list --participant 1
has "$T/out" "Klagegrunner: Praksisplassen er for langt unna."
# the checklist counts the appeals under the control question the decision was about (its
# remark IN-K1-REGISTRERT: K1), one repealed and one late not considered; nothing elsewhere
S checklist --tsv >"$T/cl" 2>"$T/err"
has "$T/cl" "^klage	integreringsloven	K1	2	0	0	0	0	1	1$"
[ "$(grep -c '^klage	' "$T/cl")" -eq 1 ] && ok || bad "appeals counted under another question: $(grep '^klage' "$T/cl")"
[ "$(q "SELECT count(*) FROM appeal WHERE outcome = 'opphevet'")" -eq 1 ] && ok || bad "SQL: one repealed"
S checklist >"$T/cl" 2>"$T/err"
has "$T/cl" "^2 klager mottatt, talt under kontrollspørsmålene"
has "$T/cl" "2 klager: 1 opphevet av Statsforvalteren, 1 for sen, ikke behandlet"
S checklist --as-of 22.04.2025 --tsv >"$T/cl" 2>"$T/err"
has "$T/cl" "^klage	integreringsloven	K1	1	1	0	0	0	0	0$"
expect 0 S verify
expect 0 S appeal --help
has "$T/out" "appeal outcome KLAGE-ID"
finish
