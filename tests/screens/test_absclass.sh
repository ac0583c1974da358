# The class day (a on the list): a teacher records a class of 25 for today's course in under 30
# keys beyond the hours and reason codes themselves (the keys are counted here), F2 saves all 25
# in one transaction, the rows are what was typed (a reason alone is the whole course day), a
# refused class saves nothing, and a supervisor cannot open it.
. "$(dirname "$0")/lib.sh"

sv init --number 4601 --name Bergen >/dev/null || fail "init"
sv add measure --municipality 4601 --kind norsk --name "Norsk A2 formiddag" --provider voksenopplaering \
    --orientation utdanning --hours 20 --status eksisterende >/dev/null || fail "measure"
sv add measure --municipality 4601 --kind samfunnskunnskap --name "Samfunnskunnskap" --provider voksenopplaering \
    --orientation utdanning --hours 5 --status eksisterende >/dev/null || fail "measure"
sv add measure --municipality 4601 --kind arbeidspraksis --name "Praksis" --provider nav --orientation arbeid --nav ja \
    --hours 17,5 --status eksisterende >/dev/null || fail "measure"
sv user add lise teacher --municipality 4601 --name "Lise Lærer" >/dev/null || fail "user"
sv user add tove supervisor --name "Tove Tilsyn" >/dev/null || fail "user"
# 25 participants, each with a plan whose phase has the course today
FROM=$(date -d "-60 days" +%d.%m.%Y) TO=$(date -d "+300 days" +%d.%m.%Y)
fnr_for() {   # a valid identity number for 01.01.1990 and individual number $1
    awk -v i="$1" 'BEGIN { d = sprintf("010190%03d", i); split("3 7 6 1 8 9 4 5 2", w1, " "); split("5 4 3 2 7 6 5 4 3 2", w2, " ")
        s = 0; for (k = 1; k <= 9; k++) s += substr(d, k, 1) * w1[k]; k1 = 11 - s % 11; if (k1 == 11) k1 = 0
        if (k1 == 10) { print ""; exit } d = d k1
        s = 0; for (k = 1; k <= 10; k++) s += substr(d, k, 1) * w2[k]; k2 = 11 - s % 11; if (k2 == 11) k2 = 0
        if (k2 == 10) { print ""; exit } print d k2 }'
}
i=100 n=0
while [ $n -lt 25 ]; do
    f=$(fnr_for $i); i=$((i + 1))
    [ -n "$f" ] || continue
    n=$((n + 1)); nr=$(printf '%02d' $n)
    sv participant add --fnr "$f" --name "Deltaker $nr" --permit-on 01.01.2025 --settled-on 01.02.2025 \
        --right-duty rett_plikt --schooling grunnskole --interpreter nei >/dev/null || fail "participant $n"
    sv add need --participant $n --area norsk --description "Norsk til B1" >/dev/null || fail "need $n"
    sv add plan --participant $n --start-on "$FROM" --planned-end "$TO" --final-goal arbeid \
        --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
        --consulted-on 01.03.2025 --justification "Ni års skolegang og erfaring fra butikk; norsk og praksis gir en vei til jobb." \
        >/dev/null || fail "plan $n"
    sv add phase --plan $n --name "Norsk og praksis" --start-on "$FROM" --end-on "$TO" >/dev/null || fail "phase $n"
    sv add plan_measure --phase $n --measure-id 1 --need-id $n --hours 20 >/dev/null || fail "pm $n"
    sv add plan_measure --phase $n --measure-id 3 --need-id $n --hours 17,5 >/dev/null || fail "pm $n"
done

# the supervisor reads only: the class day does not open
start 110 40 STEGVIS_USER=tove
wait_for "Deltakere"
keys a
wait_for "Du kan ikke føre fravær"
keys q
wait_exit >/dev/null

NAV=0
k() { for x in "$@"; do keys "$x"; NAV=$((NAV + 1)); sleep 0.05; done; }   # counted keys
h() { typ "$1"; sleep 0.1; }                                                   # the hours and reason themselves
start 110 40 STEGVIS_USER=lise
wait_for "Deltakere"
screen | grep -q "a fravær" || fail "the class day has no visible key on the list"
k a
wait_for "Klassedag: velg kurs eller tiltak"
screen | grep -q "Praksis" && fail "a teacher is offered NAV's placement"
k Enter
wait_for "Norsk A2 formiddag ·"
wait_for "25 deltakere, 0 med fravær"
DAY=$(screen | sed -n 's/.*Norsk A2 formiddag · \([0-9.]*\) ·.*/\1/p' | head -1)
[ -n "$DAY" ] || fail "no day on the class-day screen"
k Down Down
h "2s"                         # Deltaker 03: 2 hours, own illness
k Down Down Down Down Down Down Down Down
h "s"                          # Deltaker 12: the whole course day (4 hours), own illness
k Down Down Down Down Down Down Down
h "1,5a"                       # Deltaker 20: 1.5 hours, other (not approved)
wait_for "3 med fravær"
k F2
wait_for "Klassedagen er lagret: 25 deltakere, 3 med fravær."
[ "$NAV" -lt 30 ] || fail "the class day took $NAV keys beyond the hours (want under 30)"
echo "$NAME: class of 25 in $NAV keys beyond the hours and reasons"
ISO=$(echo "$DAY" | awk -F. '{print $3 "-" $2 "-" $1}')
q() { sqlite3 "$DB" "$1"; }
[ "$(q "SELECT count(*) FROM absence_hour WHERE on_day = '$ISO' AND measure_id = 1")" -eq 25 ] || fail "not 25 rows saved"
[ "$(q "SELECT group_concat(p.name || ':' || h.hours || ':' || h.reason || ':' || h.approved, ' ') FROM absence_hour h
       JOIN participant p ON p.id = h.participant_id WHERE h.hours > 0 ORDER BY p.name")" = \
  "Deltaker 03:20:sykdom:1 Deltaker 12:40:sykdom:1 Deltaker 20:15:annet:0" ] || fail "rows: $(q "SELECT participant_id, hours, reason, approved FROM absence_hour WHERE hours > 0")"
[ "$(q "SELECT count(DISTINCT updated_by) || updated_by FROM absence_hour")" = "1lise" ] || fail "rows not saved by the teacher"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'absence_hour' AND login = 'lise'")" -eq 25 ] || fail "rows not audited"

# too many hours on one row: refused on the spot, nothing saved
k Home
h "5s"
wait_for "Fraværstimer: 5,00 er mer enn de planlagte timene"
k Escape
wait_for "Deltakere"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
sv verify >/dev/null || fail "verify after the class day"
echo "$NAME: ok"
