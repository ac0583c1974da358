# Who may do what, through the command line: a matrix of role x operation. Every refusal is
# one clear line, exit 1, changes nothing, and leaves exactly one entry in the audit log.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }
FNR=01019010399
refusals() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'access'"; }
changes() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl != 'access'"; }

expect 0 S init --number 4601 --name Bergen
expect 0 S init --number 5001 --name Trondheim
expect 0 S user add radgiver adviser --municipality 4601
expect 0 S user add navansatt nav --municipality 4601
expect 0 S user add tilsyn supervisor
expect 0 S user add annen adviser --municipality 5001
expect 0 S participant add --fnr "$FNR" --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole --municipality 4601
expect 0 S add need --participant 1 --area arbeid --description "Arbeidserfaring"
expect 0 S add measure --municipality 4601 --name Arbeidstrening --kind arbeidstrening --provider nav --hours 20 \
    --orientation arbeid --nav ja --status eksisterende
expect 0 S add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb" --norwegian-goal B1 --consulted-on 25.03.2025 --justification "Begrunnet"
expect 0 S add phase --plan 1 --name Praksis --start-on 01.04.2025 --end-on 31.03.2026

# check WHO OP EXPECTED CMD...: EXPECTED is ok or no.
check() {
    who=$1 op=$2 want=$3; shift 3
    r0=$(refusals); c0=$(changes)
    if [ "$who" = admin ]; then "$@" >"$T/out" 2>"$T/err"; else STEGVIS_USER=$who "$@" >"$T/out" 2>"$T/err"; fi
    got=$?
    r1=$(refusals); c1=$(changes)
    if [ "$want" = ok ]; then
        if [ $got -eq 0 ] && [ "$r1" -eq "$r0" ]; then ok; else bad "$who $op: wanted ok, got exit $got: $(cat "$T/err")"; fi
    else
        if [ $got -eq 1 ] && [ "$r1" -eq $((r0 + 1)) ] && [ "$c1" -eq "$c0" ] &&
            grep -q -e "har ikke lov" -e "bare tilgang" "$T/err" && [ "$(wc -l <"$T/err")" -eq 1 ]; then ok
        else bad "$who $op: wanted one audited refusal, got exit $got, refusals $r0->$r1, changes $c0->$c1: $(cat "$T/err")"; fi
    fi
    hasnt "$T/err" "$FNR"
}

# Per user: labour demand, plan, phase, work measure in a plan, follow-up, add user, backup.
for row in "admin ok ok ok ok ok ok ok" "radgiver ok ok ok ok ok no no" "navansatt no no no ok ok no no" \
           "tilsyn no no no no no no no" "annen no no no no no no no"; do
    set -- $row
    who=$1
    check "$who" "labour demand (step 1)" "$2" S add demand --municipality 4601 --sector Helse --occupation Renhold \
        --jobs 3 --source NAV --noted-on 01.02.2025
    check "$who" "plan" "$3" S edit plan 1 --norwegian-goal B2
    check "$who" "phase" "$4" S add phase --plan 1 --name "Fase $who" --start-on 01.04.2026 --end-on 31.03.2027
    check "$who" "work measure in plan" "$5" S add plan_measure --phase 1 --measure-id 1 --need-id 1 --hours 20
    check "$who" "follow-up" "$6" S add followup --participant 1 --held-on 01.05.2025 --with-whom arbeidsgiver --notes "Praksis"
    check "$who" "add user" "$7" S user add ny$who adviser --municipality 4601
    check "$who" "backup" "$8" S backup "$T/copy-$who.db"
done

# Reading: the supervisor sees everything; a colleague in another municipality sees none of it.
STEGVIS_USER=tilsyn expect 0 S show 1
STEGVIS_USER=tilsyn expect 0 S audit 1
STEGVIS_USER=tilsyn expect 0 S audit --limit 5
has "$T/out" "Tilgang nektet"
STEGVIS_USER=navansatt expect 0 S audit 1
STEGVIS_USER=annen expect 0 S list --tsv
hasnt "$T/out" "Løvås"
r0=$(refusals)
STEGVIS_USER=annen expect 1 S show 1
has "$T/err" "bare tilgang"
STEGVIS_USER=annen expect 1 S audit 1
has "$T/err" "bare tilgang"
expect 0 test "$(refusals)" -eq $((r0 + 2))
STEGVIS_USER=fremmed expect 1 S edit plan 1 --norwegian-goal A2
has "$T/err" "ikke registrert"
# The holes of issue 10, each a refused cell (the full matrix as real Unix users is
# tests/cli/test_matrix.sh). The refusal to a stranger names no administrator.
has "$T/err" "Be en administrator i kommunen din"
hasnt "$T/err" "$(id -un),"
hasnt "$T/err" "radgiver"
# A stranger's refusals: at most one row a day, the login with control characters escaped.
a0=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
STEGVIS_USER=fremmed expect 1 S list
STEGVIS_USER=fremmed expect 1 S show 1
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" -eq "$a0"
ESC=$(printf 'x\033]0;pwn\007')
STEGVIS_USER=$ESC expect 1 S list
STEGVIS_USER=$ESC expect 1 S list
if grep -q "$(printf '\033')" "$T/err"; then bad "escape sequence in the refusal"; else ok; fi
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE login = 'x\\x1b]0;pwn\\x07'")" -eq 1
# A one-municipality administrator.
expect 0 S user add kadmin administrator --municipality 4601
STEGVIS_USER=kadmin expect 0 S user add nyradgiver adviser --municipality 4601
STEGVIS_USER=kadmin expect 1 S user add sjef administrator
has "$T/err" "egen kommune"
STEGVIS_USER=kadmin expect 1 S user add annen adviser --municipality 4601
expect 0 test "$(sqlite3 "$DB" "SELECT m.number FROM users u JOIN municipality m ON m.id = u.municipality_id WHERE login = 'annen'")" = 5001
STEGVIS_USER=kadmin expect 1 S backup "$T/kadmin.db"
has "$T/err" "flere kommuner"
expect 1 test -e "$T/kadmin.db"
STEGVIS_USER=kadmin expect 1 S audit --limit 5
STEGVIS_USER=kadmin expect 1 S init --number 3001 --name Halden
expect 0 S backup "$T/all.db"
STEGVIS_USER=kadmin expect 1 S restore "$T/all.db" --yes
# NAV: a Norwegian course in a plan cannot be turned into a wage subsidy, nor deleted.
expect 0 S add measure --municipality 4601 --name Norskkurs --kind norsk --provider voksenopplaering --hours 15 \
    --orientation utdanning --status eksisterende
expect 0 S add plan_measure --phase 1 --measure-id 2 --need-id 1 --hours 15
PM=$(sqlite3 "$DB" "SELECT max(id) FROM plan_measure")
STEGVIS_USER=navansatt expect 1 S edit plan_measure "$PM" --measure-id 1
has "$T/err" "har ikke lov"
expect 0 test "$(sqlite3 "$DB" "SELECT measure_id FROM plan_measure WHERE id = $PM")" -eq 2
STEGVIS_USER=navansatt expect 1 S delete plan_measure "$PM"
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM plan_measure WHERE id = $PM")" -eq 1
STEGVIS_USER=radgiver expect 0 S delete plan_measure "$PM"
# Another municipality's list is refused with a message, not answered with one's own.
STEGVIS_USER=radgiver expect 1 S list --municipality 5001
has "$T/err" "bare tilgang"
STEGVIS_USER=radgiver expect 0 S list --municipality 4601 --tsv
has "$T/out" "Løvås"
finish
