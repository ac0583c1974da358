# Absence by the hour through the command line: a fixture month recorded with `absence record`
# and a date range, the report and its CSV against figures computed by hand, the payroll CSV's
# cells neutralised against formulas and written 0600, the refusals (naming the field, nothing
# changed), a teacher's rights, the decision due in `absence list` and `show`, and granted leave
# as days off the programme.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
R() { S "$@" >/dev/null || bad "setup: $* :: $(S "$@" 2>&1 | head -c 200)"; }
R init --number 4601 --name Bergen
R add measure --municipality 4601 --kind norsk --name Norskkurs --provider voksenopplaering --orientation utdanning \
    --hours 20 --status eksisterende
R add measure --municipality 4601 --kind arbeidspraksis --name Praksis --provider nav --orientation arbeid --nav ja \
    --hours 17,5 --status eksisterende
# A name a spreadsheet would take for a formula
R participant add --fnr 01019010399 --name "=HYPERLINK(1)" --permit-on 01.10.2025 --settled-on 01.11.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
R add need --participant 1 --area norsk --description "Norsk til B1"
R add plan --participant 1 --start-on 01.01.2026 --planned-end 31.12.2026 --final-goal arbeid \
    --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
    --consulted-on 15.12.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk; norsk og praksis gir en vei til jobb."
R add phase --plan 1 --name "Norsk og praksis" --start-on 01.01.2026 --end-on 15.03.2026
R add phase --plan 1 --name "Mer praksis" --start-on 16.03.2026 --end-on 31.12.2026
R add plan_measure --phase 1 --measure-id 1 --need-id 1 --hours 20
R add plan_measure --phase 1 --measure-id 2 --need-id 1 --hours 17,5
R add plan_measure --phase 2 --measure-id 1 --need-id 1 --hours 10
R add plan_measure --phase 2 --measure-id 2 --need-id 1 --hours 20
# March 2026: 22 working days, 10 at 7.5 h and 12 at 6 h: 147 h planned
expect 0 S absence record --participant 1 --date 12.01.2026 --hours 7,5 --reason velferd --approved ja
expect 0 S absence record --participant 1 --date 03.03.2026 --measure 1 --hours 4 --reason sykdom --approved ja
expect 0 S absence record --participant 1 --date 04.03.2026 --hours 7,5 --reason annet
expect 0 S absence record --participant 1 --date 05.03.2026 --hours 7,5 --reason velferd --approved ja
expect 0 S absence record --participant 1 --date 17.03.2026 --measure 2 --hours 3 --reason annet
expect 0 S absence record --participant 1 --date 18.03.2026 --measure 1 --hours 0
expect 0 S absence record --participant 1 --date 26.03.2026 --measure 1 --hours 0
has "$T/out" "er lagret"
R add absence --participant 1 --kind permisjon --reason velferd --from-on 23.03.2026 --to-on 24.03.2026 --approved ja
R add absence --participant 1 --kind fravaer --reason ugyldig --from-on 25.03.2026 --to-on 26.03.2026 --approved nei
# a day recorded again is changed, not doubled
expect 0 S absence record --participant 1 --date 17.03.2026 --measure 2 --hours 3 --reason annet
has "$T/out" "er endret"
[ "$(q "SELECT count(*) FROM absence_hour")" -eq 7 ] && ok || bad "a day recorded twice made two rows"

expect 0 S absence report --month 2026-03 --csv
cp "$T/out" "$T/m.csv"
has "$T/m.csv" "^deltaker,fodselsnummer,navn,maaned,planlagte_timer,timer_til_stede,godkjent_fravaer_timer,ugodkjent_fravaer_timer,andel_ugodkjent_prosent,velferdsdager_igjen,vedtak_om_trekk$"
has "$T/m.csv" "^1,010190\*\*\*\*\*,'=HYPERLINK(1),2026-03,147.00,107.00,23.50,16.50,11.2,8,nei$"
[ "$(wc -l <"$T/m.csv")" -eq 2 ] && ok || bad "CSV: one participant, one row"
hasnt "$T/m.csv" "kr"
expect 0 S absence report --month 2026-03 --csv --unit voksenopplaering
has "$T/out" "^1,.*,2026-03,64.00,54.00,8.00,2.00,3.1,8,nei$"
expect 0 S absence report --month 03.2026
has "$T/out" "147,00"
has "$T/out" "11,2 %"
expect 0 S absence report --month 2026-03 --csv --out "$T/lonn.csv" --show-fnr
[ "$(stat -c %a "$T/lonn.csv")" = 600 ] && ok || bad "the payroll file is not 0600"
has "$T/lonn.csv" "^1,01019010399,"

# refusals: the field named, nothing changed
n0=$(q "SELECT count(*) FROM audit")
expect 1 S absence record --participant 1 --date 03.03.2026 --measure 1 --hours 5 --reason sykdom
has "$T/err" "Fraværstimer: 5 er mer enn de planlagte timene i tiltaket denne dagen (4)"
expect 1 S absence record --participant 1 --date 10.03.2026 --hours 8 --reason sykdom
has "$T/err" "Fraværstimer: 8 er mer enn dagens planlagte timer (7,5)"
expect 1 S absence record --participant 1 --date 31.12.2025 --hours 1 --reason sykdom
has "$T/err" "Dato: 31.12.2025 er utenfor programperioden (01.01.2026–31.12.2026)"
expect 1 S absence record --participant 1 --date 07.03.2026 --hours 1 --reason sykdom
has "$T/err" "Dato: 07.03.2026 har ingen planlagte timer"
expect 1 S absence record --participant 1 --date 10.03.2026 --hours 2
has "$T/err" "Årsak: må fylles ut"
expect 1 S absence record --participant 1 --date 10.03.2026 --hours 2 --reason ferie
has "$T/err" "Årsak"
expect 1 S absence record --participant 1 --date 10.03.2026 --hours 99 --reason sykdom
has "$T/err" "Fraværstimer"
expect 1 S absence report --month 2026-3x
has "$T/err" "Måned: «2026-3x» er ikke en måned"
expect 1 S absence report --month 2026-03 --unit skole
has "$T/err" "Enhet: «skole» finnes ikke"
[ "$(q "SELECT count(*) FROM audit")" -eq "$n0" ] && ok || bad "a refused record changed the audit log"
[ "$(q "SELECT count(*) FROM absence_hour")" -eq 7 ] && ok || bad "a refused record changed the rows"

# a teacher records courses only; the rows are audited and in the chain
STEGVIS_USER=root R user add laerer teacher --municipality 4601
STEGVIS_USER=laerer expect 0 S absence record --participant 1 --date 10.03.2026 --measure 1 --hours 1 --reason sykdom --approved ja
STEGVIS_USER=laerer expect 1 S absence record --participant 1 --date 10.03.2026 --measure 2 --hours 1 --reason sykdom
has "$T/err" "har ikke lov"
STEGVIS_USER=laerer expect 1 S edit plan 1 --norwegian-goal B2
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'absence_hour' AND login = 'laerer'")" -eq 1 ] && ok || bad "no audit row for the teacher's record"
expect 0 S verify
has "$T/out" "Alt holder"

# a whole payment period unapproved: a decision is due, in list and show
R add absence --participant 1 --kind fravaer --reason ugyldig --from-on 01.06.2026 --to-on 30.06.2026 --approved nei
expect 0 S absence list --participant 1 --month 2026-06
has "$T/out" "06.2026: planlagt 132,00 t"
if [ "$(date +%Y%m)" -ge 202606 ] && [ "$(date +%Y%m)" -le 202705 ]; then
    has "$T/out" "Vedtak må fattes: ugodkjent fravær"
fi

# granted leave is days off the programme: April 2026 has 19 working days (Easter takes 2, 3
# and 6 April) at 6 h, 114 h; birth leave 13-17 April takes exactly those five days' 30 h, a
# refused application none, and a row inside the leave is refused
expect 0 S absence report --month 2026-04 --csv
has "$T/out" "^1,.*,2026-04,114.00,114.00,0.00,0.00,0.0,"
expect 0 S leave add --participant 1 --kind fodsel_mor --from 13.04.2026 --to 17.04.2026 --granted ja --decided 01.04.2026
expect 0 S leave add --participant 1 --kind velferd --from 20.04.2026 --to 21.04.2026 --granted nei --decided 01.04.2026
expect 0 S absence report --month 2026-04 --csv
has "$T/out" "^1,.*,2026-04,84.00,84.00,0.00,0.00,0.0,"
expect 0 S absence report --month 2026-03 --csv
has "$T/out" "^1,.*,2026-03,147.00,"
n0=$(q "SELECT count(*) FROM absence_hour")
expect 1 S absence record --participant 1 --date 15.04.2026 --hours 2 --reason sykdom --approved ja
has "$T/err" "Dato: deltakeren har innvilget permisjon denne dagen (Fødsel (mor) 13.04.2026–17.04.2026); fravær føres ikke i permisjon"
expect 0 S absence record --participant 1 --date 20.04.2026 --hours 2 --reason sykdom --approved ja
[ "$(q "SELECT count(*) FROM absence_hour")" -eq $((n0 + 1)) ] && ok || bad "a row inside granted leave was stored"
expect 0 S absence report --month 2026-04 --csv
has "$T/out" "^1,.*,2026-04,84.00,82.00,2.00,0.00,0.0,"
finish
