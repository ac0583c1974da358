# Leave (permisjon) as a decision through the command line: each kind counted as the law counts
# it (working days across a weekend and Easter, calendar days), the refusals naming the field
# (overlap, outside the programme, over the kind's longest period or the year's welfare days,
# nothing changed), the effect on the programme's end and months, a refusal recorded, the
# supervisor refused, and the audit rows.
. "$(dirname "$0")/lib.sh"
DB="$T/l.db"
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
R() { S "$@" >/dev/null || bad "setup: $* :: $(S "$@" 2>&1 | head -c 200)"; }
R init --number 4601 --name Bergen
R add measure --municipality 4601 --kind norsk --name Norskkurs --provider voksenopplaering --orientation utdanning \
    --hours 37,5 --status eksisterende
R participant add --fnr 01019010399 --name "Amina Test" --permit-on 01.10.2025 --settled-on 01.11.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
R add plan --participant 1 --start-on 01.01.2026 --planned-end 31.12.2026 --final-goal arbeid \
    --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
    --consulted-on 15.12.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk."
R add phase --plan 1 --name "Norsk" --start-on 01.01.2026 --end-on 31.12.2026

expect 0 S leave kinds
has "$T/out" "fodsel_mor .*virkedager"
has "$T/out" "omsorg .*kalenderdager .*forlenger programmet"
# the mother's 20 working days: Monday 2 March to Friday 27 March (four weeks)
expect 0 S leave add --participant 1 --kind fodsel_mor --from 02.03.2026 --to 27.03.2026 --granted ja --decided 20.02.2026
has "$T/out" "20 virkedager) er innvilget"
# the father's up to 7: 30 March to 8 April over Easter 2026 (2, 3 and 6 April are holidays, 4-5 a weekend): 5
expect 0 S leave add --participant 1 --kind fodsel_far --from 30.03.2026 --to 08.04.2026 --granted ja --decided 20.03.2026
has "$T/out" "5 virkedager"
n0=$(q "SELECT count(*) FROM leave")
# over the kind's longest period: 4 May to 5 June 2026 is 23 working days (1 May, Ascension 14 May
# and Whit Monday 25 May are holidays); the 20th is 2 June
expect 1 S leave add --participant 1 --kind fodsel_mor --from 04.05.2026 --to 05.06.2026 --granted ja --decided 20.04.2026
has "$T/err" "^stegvis: Til: perioden er 23 virkedager; «Fødsel (mor)» gir høyst 20"
has "$T/err" "til og med 02.06.2026"
# overlapping another leave
expect 1 S leave add --participant 1 --kind velferd --from 27.03.2026 --to 27.03.2026 --granted ja --decided 20.03.2026
has "$T/err" "^stegvis: Fra: perioden overlapper permisjon nr. 1"
# outside the programme period
expect 1 S leave add --participant 1 --kind velferd --from 15.12.2025 --to 16.12.2025 --granted ja --decided 01.12.2025
has "$T/err" "^stegvis: Fra: 15.12.2025 er utenfor programperioden"
expect 1 S leave add --participant 1 --kind velferd --from 30.12.2026 --to 05.01.2027 --granted ja --decided 01.12.2025
has "$T/err" "^stegvis: Til: 05.01.2027 er etter programmets planlagte slutt"
# an unknown kind, a period that ends before it starts, a decision in the future
expect 1 S leave add --participant 1 --kind ferie --from 04.05.2026 --to 05.05.2026 --granted ja --decided 20.04.2026
has "$T/err" "^stegvis: Type:"
expect 1 S leave add --participant 1 --kind velferd --from 05.05.2026 --to 04.05.2026 --granted ja --decided 20.04.2026
has "$T/err" "^stegvis: Til: kan ikke være før Fra"
expect 1 S leave add --participant 1 --kind velferd --from 04.05.2026 --to 04.05.2026 --granted ja --decided 01.12.2099
has "$T/err" "^stegvis: Vedtaksdato:"
[ "$(q "SELECT count(*) FROM leave")" -eq "$n0" ] && ok || bad "a refused leave was stored"
# welfare leave: 12 working days a year. 1-16 September 2026 is 12; one more day in October is too many
expect 0 S leave add --participant 1 --kind velferd --from 01.09.2026 --to 16.09.2026 --granted ja --decided 20.08.2026
has "$T/out" "12 virkedager"
expect 1 S leave add --participant 1 --kind velferd --from 01.10.2026 --to 01.10.2026 --granted ja --decided 20.09.2026
has "$T/err" "^stegvis: Til: 1 virkedag nå og 12 alt innvilget i 2026 er mer enn 12 virkedager i året"
# a refusal is recorded whatever was applied for
expect 0 S leave add --participant 1 --kind velferd --from 01.10.2026 --to 01.10.2026 --granted nei --decided 20.09.2026 \
    --reason "Velferdsdagene for 2026 er brukt opp."
has "$T/out" "er avslått og lagret"
# care leave without benefit: calendar days, prolongs the programme (92 days, June to August)
expect 0 S leave add --participant 1 --kind omsorg --from 01.06.2026 --to 31.08.2026 --granted ja --decided 15.05.2026
has "$T/out" "92 kalenderdager"
has "$T/out" "forlenger programmet med 92 kalenderdager"
# the programme's months without the leave: 1 January to 30 September (31 December less 92 days) is 9
has "$T/out" "9 måneder programtid"
expect 0 S leave list --participant 1
has "$T/out" "Fødsel (mor) 02.03.2026–27.03.2026, 20 virkedager, innvilget 20.02.2026"
has "$T/out" "01.10.2026–01.10.2026, 1 virkedag, avslått 20.09.2026"
has "$T/out" "forlenger programmet med 92 kalenderdager"
expect 0 S show 1
has "$T/out" "^Permisjon nr. 1: Fødsel (mor) 02.03.2026–27.03.2026, 20 virkedager, innvilget 20.02.2026"
has "$T/out" "permisjon uten stønad forlenger programmet med 92 kalenderdager"
# the supervisor reads, and may not record
STEGVIS_USER=root R user add tilsyn supervisor
STEGVIS_USER=tilsyn expect 0 S leave list --participant 1
STEGVIS_USER=tilsyn expect 1 S leave add --participant 1 --kind velferd --from 02.11.2026 --to 02.11.2026 --granted ja --decided 20.10.2026
# audited, with who
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'leave' AND action = 'insert'")" -eq 5 ] && ok || bad "leave not audited: $(q "SELECT count(*), group_concat(action) FROM audit WHERE tbl = 'leave'")"
expect 0 S audit 1
has "$T/out" "Permisjon (vedtak) nr. 1 opprettet"
finish
