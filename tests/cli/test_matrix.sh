# Who may do what, where: the role x operation x municipality matrix of issue 10 as a table,
# every cell run through the installed server program (make install-server) as a real Unix
# user. Columns are the users: gadm administrator of every municipality, kadm administrator of
# 4601 only, adv adviser of 4601, nav NAV adviser of 4601, tch teacher (adult education) of 4601, sup supervisor of every
# municipality, adv2 adviser of 5001, none a login that is not registered. A refused cell must
# exit 1 with a refusal message and change nothing; a cell that writes runs on a fresh copy of
# the prepared database. Needs root (skipped with the reason otherwise).
. "$(dirname "$0")/lib.sh"
TOP="$(cd "$(dirname "$0")/../.." && pwd)"
case "$BIN" in *san*) echo "test_matrix: 0 passed, 0 failed (runs once, with the normal build)"; exit 0 ;; esac
if [ "$(id -u)" -ne 0 ]; then
    echo "test_matrix: skipped: needs root (it creates Unix accounts and installs a set-user-id program)"
    exit 0
fi
for c in useradd userdel runuser sqlite3; do
    command -v $c >/dev/null || { echo "test_matrix: skipped: $c is missing"; exit 0; }
done
ROLES="gadm kadm adv nav tch sup adv2 none"
SVC=svt$$s
W=$(mktemp -d /tmp/stegvis-matrix.XXXXXX)
cleanup() {
    for r in $ROLES svc; do
        u=svt$$$r
        [ $r = svc ] && u=$SVC
        id "$u" >/dev/null 2>&1 && userdel "$u" 2>/dev/null
        getent group "$u" >/dev/null && groupdel "$u" 2>/dev/null
    done
    rm -rf "$W" "$T"
}
trap cleanup EXIT INT TERM HUP
chmod 0755 "$W"
umask 022
P="$W/p" S="$W/s" I="$W/p/bin/stegvis" DB="$W/s/stegvis.db"
expect 0 make -s -C "$TOP" install-server PREFIX="$P" STATEDIR="$S" SVUSER="$SVC"
for r in $ROLES; do
    u=svt$$$r
    useradd --no-create-home --home-dir "$W/home-$r" --shell /bin/sh "$u" || bad "useradd $u"
    mkdir -p "$W/home-$r" && chown "$u" "$W/home-$r" && chmod 0700 "$W/home-$r"
done
L() { echo "svt$$$1"; }

# The prepared database (root creates it and is its first administrator).
R() { "$I" "$@" >/dev/null || bad "setup: $*"; }
R init --number 4601 --name Bergen
R init --number 5001 --name Trondheim
R user add "$(L gadm)" administrator
R user add "$(L kadm)" administrator --municipality 4601
R user add "$(L adv)" adviser --municipality 4601
R user add "$(L nav)" nav --municipality 4601
R user add "$(L tch)" teacher --municipality 4601
R user add "$(L sup)" supervisor
R user add "$(L adv2)" adviser --municipality 5001
for m in "norsk Norskopplæring voksenopplaering utdanning nei" "samfunnskunnskap Samfunnskunnskap voksenopplaering utdanning nei" \
         "livsmestring Livsmeistring flyktningtjeneste begge nei" "arbeidspraksis Arbeidspraksis nav arbeid ja" \
         "lonnstilskudd Lønnstilskudd nav arbeid ja"; do
    set -- $m
    R add measure --municipality 4601 --kind "$1" --name "$2" --provider "$3" --orientation "$4" --nav "$5" --hours 10 \
        --status eksisterende --description "Tiltak i katalogen."
done
# case PID FNR NAME: a whole case in 4601 ready for a decision; plan measures 6 per case,
# the first on the Norwegian course (measure 1), the fourth on work practice (measure 4).
case_for() {
    R participant add --fnr "$2" --name "$3" --permit-on 10.01.2025 --settled-on 01.03.2025 --right-duty rett_plikt \
        --schooling grunnskole --interpreter nei --municipality 4601
    R add assessment --participant "$1" --assessed-on 10.03.2025 --education "Ni års skolegang." \
        --work-experience "Butikk, to år." --language-level A1 --career-on 12.03.2025 --career-advice "Handel."
    R add need --participant "$1" --area norsk --description "Norsk til B1"
    R add need --participant "$1" --area arbeid --description "Praksis i handel"
    R add need --participant "$1" --area samfunn --description "Samfunnskunnskap"
    R add plan --participant "$1" --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
        --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
        --consulted-on 25.03.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk. Handelen i Bergen trenger folk; norsk til B1 og praksis i butikk gir en realistisk vei til fast jobb."
    pl=$(sqlite3 "$DB" "SELECT id FROM plan WHERE participant_id = $1")
    ph=$(sqlite3 "$DB" "SELECT ifnull(max(id), 0) FROM phase")
    nd=$(sqlite3 "$DB" "SELECT min(id) FROM need WHERE participant_id = $1")
    R add phase --plan "$pl" --name "Norsk og praksis" --start-on 01.04.2025 --end-on 31.03.2026
    R add phase --plan "$pl" --name "Arbeidspraksis" --start-on 01.04.2026 --end-on 31.03.2027
    for pm in "1 1 0 20" "1 2 2 3" "1 3 2 2" "1 4 1 12,5" "2 1 0 10" "2 4 1 27,5"; do
        set -- $pm
        R add plan_measure --phase $((ph + $1)) --measure-id "$2" --need-id $((nd + $3)) --hours "$4"
    done
}
case_for 1 01019010399 "Åse Løvås"
R participant add --fnr 02019010085 --name "Per Berg" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett --schooling vgs --municipality 5001
case_for 3 03019010014 "Kari Nordmann"
R decide 3 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM plan_measure")" -eq 12
"$I" catalog export --municipality 4601 --out "$W/k.tsv" >/dev/null && sed -i 's/^\([A-ZÅØÆa-z][^	]*\)	/\1 ny	/; 2s/ ny//' "$W/k.tsv"
"$I" backup "$W/pub.db" >/dev/null || bad "setup backup"
chmod 0644 "$W/k.tsv" "$W/pub.db"
cp "$DB" "$W/pristine.db"

# run ROLE OP: the operation as that role's Unix user, from its home, in a clean environment.
run() {
    who=$1 op=$2
    set --
    case $op in
    show_own) set -- show 1 ;;
    show_other) set -- show 2 ;;
    list_own) set -- list --municipality 4601 --tsv ;;
    list_other) set -- list --municipality 5001 --tsv ;;
    audit_case) set -- audit 1 ;;
    audit_all) set -- audit --limit 5 ;;
    export_own) set -- export 3 ;;
    letter_own) set -- letter 3 ;;
    checklist_own) set -- checklist --municipality 4601 --tsv ;;
    catalog_export) set -- catalog export --municipality 4601 ;;
    add_demand) set -- add demand --municipality 4601 --sector Helse --occupation Renhold --jobs 3 --source NAV --noted-on 01.02.2025 ;;
    add_measure_other) set -- add measure --municipality 5001 --kind norsk --name Norsk --provider voksenopplaering \
        --orientation utdanning --hours 10 --status eksisterende ;;
    add_participant) set -- participant add --fnr 04019010053 --name "Ny Deltaker" --permit-on 10.01.2025 \
        --settled-on 01.03.2025 --right-duty rett --schooling vgs --municipality 4601 ;;
    edit_plan) set -- edit plan 1 --norwegian-goal B2 ;;
    add_phase) set -- add phase --plan 1 --name Ekstra --start-on 01.04.2027 --end-on 30.06.2027 ;;
    edit_other) set -- edit participant 2 --name "Per Berg Hansen" ;;
    add_pm_work) set -- add plan_measure --phase 1 --measure-id 4 --need-id 2 --hours 5 ;;
    add_pm_norsk) set -- add plan_measure --phase 1 --measure-id 1 --need-id 1 --hours 5 ;;
    pm_norsk_to_wage) set -- edit plan_measure 1 --measure-id 5 ;;
    pm_work_to_norsk) set -- edit plan_measure 4 --measure-id 1 ;;
    pm_work_hours) set -- edit plan_measure 4 --hours 11 ;;
    del_pm_norsk) set -- delete plan_measure 1 ;;
    del_pm_work) set -- delete plan_measure 4 ;;
    add_followup) set -- add followup --participant 1 --held-on 01.05.2025 --with-whom arbeidsgiver --notes Praksis ;;
    decide) set -- decide 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes ;;
    catalog_import) set -- catalog import "$W/k.tsv" --municipality 4601 ;;
    user_add_local) set -- user add nykollega adviser --municipality 4601 ;;
    user_add_global) set -- user add nysjef administrator ;;
    user_move_other) set -- user add "$(L adv2)" adviser --municipality 4601 ;;
    init_new) set -- init --number 3001 --name Halden ;;
    backup) set -- backup "$W/home-$who/b.db" ;;
    restore) set -- restore "$W/pub.db" --yes ;;
    demo) set -- demo --participants 3 --seed 2 ;;
    abs_course) set -- absence record --participant 1 --date 03.11.2025 --measure 1 --hours 2 --reason sykdom --approved ja ;;
    abs_work) set -- absence record --participant 1 --date 03.11.2025 --measure 4 --hours 2 --reason annet ;;
    abs_day) set -- absence record --participant 1 --date 03.11.2025 --hours 7 --reason barns_sykdom ;;
    abs_report) set -- absence report --month 2025-11 --municipality 4601 ;;
    sqlite3) runuser -u "$(L "$who")" -- sqlite3 "$DB" "SELECT count(*) FROM participant" >"$T/out" 2>"$T/err"; return ;;
    *) bad "no such operation: $op"; return ;;
    esac
    runuser -u "$(L "$who")" -- env -i PATH=/usr/bin:/bin HOME="$W/home-$who" LC_ALL=C.UTF-8 \
        sh -c 'cd "$HOME" && exec "$@"' run "$I" "$@" >"$T/out" 2>"$T/err"
}
fresh() { rm -f "$DB-wal" "$DB-shm"; cp "$W/pristine.db" "$DB"; chown "$SVC" "$DB"; chmod 0600 "$DB"; }
changes() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl != 'access'"; }
REFUSED='har ikke lov\|bare tilgang\|egen kommune\|flere kommuner\|ikke registrert\|andre kommuner\|unable to open'

# op                kind  gadm kadm adv nav tch sup adv2 none
TABLE='
show_own            r     ok   ok   ok  ok  ok  ok  no   no
show_other          r     ok   no   no  no  no  ok  ok   no
list_own            r     ok   ok   ok  ok  ok  ok  no   no
list_other          r     ok   no   no  no  no  ok  ok   no
audit_case          r     ok   ok   ok  ok  ok  ok  no   no
audit_all           r     ok   no   no  no  no  ok  no   no
export_own          r     ok   ok   ok  ok  ok  ok  no   no
letter_own          r     ok   ok   ok  ok  ok  ok  no   no
checklist_own       r     ok   ok   ok  ok  no  ok  no   no
catalog_export      r     ok   ok   ok  ok  ok  ok  no   no
sqlite3             r     no   no   no  no  no  no  no   no
add_demand          w     ok   ok   ok  no  no  no  no   no
add_measure_other   w     ok   no   no  no  no  no  ok   no
add_participant     w     ok   ok   ok  no  no  no  no   no
edit_plan           w     ok   ok   ok  no  no  no  no   no
add_phase           w     ok   ok   ok  no  no  no  no   no
edit_other          w     ok   no   no  no  no  no  ok   no
add_pm_work         w     ok   ok   ok  ok  no  no  no   no
add_pm_norsk        w     ok   ok   ok  no  no  no  no   no
pm_norsk_to_wage    w     ok   ok   ok  no  no  no  no   no
pm_work_to_norsk    w     ok   ok   ok  no  no  no  no   no
pm_work_hours       w     ok   ok   ok  ok  no  no  no   no
del_pm_norsk        w     ok   ok   ok  no  no  no  no   no
del_pm_work         w     ok   ok   ok  ok  no  no  no   no
add_followup        w     ok   ok   ok  ok  no  no  no   no
decide              w     ok   ok   ok  no  no  no  no   no
catalog_import      w     ok   ok   ok  no  no  no  no   no
user_add_local      w     ok   ok   no  no  no  no  no   no
user_add_global     w     ok   no   no  no  no  no  no   no
user_move_other     w     ok   no   no  no  no  no  no   no
init_new            w     ok   no   no  no  no  no  no   no
backup              w     ok   no   no  no  no  no  no   no
restore             w     ok   no   no  no  no  no  no   no
demo                w     ok   no   no  no  no  no  no   no
abs_course          w     ok   ok   ok  no  ok  no  no   no
abs_work            w     ok   ok   ok  ok  no  no  no   no
abs_day             w     ok   ok   ok  no  no  no  no   no
abs_report          r     ok   ok   ok  ok  ok  ok  no   no
'
CELLS=0
fresh
printf '%s\n' "$TABLE" | while read -r op kind cols; do
    [ -n "$op" ] || continue
    set -- $cols
    for r in $ROLES; do
        want=$1; shift
        [ "$kind" = w ] && fresh
        c0=$(changes)
        run "$r" "$op"
        got=$?
        if [ "$want" = ok ]; then
            # the checklist exits 1 when it finds a breach; that is an answer, not a refusal
            if [ $got -eq 0 ] || { [ "$op" = checklist_own ] && [ $got -eq 1 ] && ! grep -q "$REFUSED" "$T/err"; }; then ok
            else bad "$r $op: wanted ok, got exit $got: $(head -c 300 "$T/err")"; fi
        elif [ $got -eq 1 ] && grep -q "$REFUSED" "$T/err" && [ "$(changes)" -eq "$c0" ] && [ ! -s "$T/out" ]; then ok
        else bad "$r $op: wanted a refusal that changes nothing, got exit $got: $(head -c 300 "$T/err")"; fi
        if [ "$r" = none ] && [ "$op" != sqlite3 ]; then
            # a stranger learns nobody's login, and is told whom to ask
            if grep -q "svt$$\(gadm\|kadm\)\|root" "$T/err" || ! grep -q "Be en administrator i kommunen din" "$T/err"; then
                bad "none $op: refusal names an administrator or not whom to ask: $(cat "$T/err")"; else ok; fi
        fi
        CELLS=$((CELLS + 1))
        echo "$CELLS" >"$T/cells"
    done
    # the stranger's refusals on one database: logged at most once a day
    [ "$kind" = r ] && [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'access' AND login = '$(L none)'")" -gt 1 ] &&
        bad "the unregistered login is logged more than once a day"
    echo "$PASS $FAIL" >"$T/counts"
done
read PASS FAIL <"$T/counts"
echo "test_matrix: $(cat "$T/cells") cells ($(printf '%s\n' "$TABLE" | grep -c .) operations x $(echo $ROLES | wc -w) users)"
finish
