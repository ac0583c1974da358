# Shared by the command-line tests that decide whole cases: a municipality with its catalogue
# and an adviser, and a sound case under integreringsloven. Needs lib.sh; works on $DB.

# S ARGS: the program on $DB; q SQL: a query on it; R ARGS: a setup step that must succeed.
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
R() { S "$@" >/dev/null 2>"$T/rerr" || bad "setup: $* :: $(head -c 300 "$T/rerr")"; }

# make_municipality: Bergen (4601) with four measures and the adviser kari
make_municipality() {
    R init --number 4601 --name Bergen
    R user add kari adviser --municipality 4601 --name "Kari Nordmann" --title "Programrådgiver"
    for m in "norsk Norskopplæring voksenopplaering utdanning" "samfunnskunnskap Samfunnskunnskap voksenopplaering utdanning" \
             "livsmestring Livsmestring flyktningtjeneste begge" "arbeidspraksis Arbeidspraksis_i_varehandel nav arbeid"; do
        set -- $m
        R add measure --municipality 1 --kind "$1" --name "$(echo "$2" | tr _ ' ')" --provider "$3" --orientation "$4" \
            --hours 10 --status eksisterende --description "Tiltak i katalogen."
    done
}

# make_case PID FNR NAME [YEAR]: a sound case whose plan passes every rule: permit and settlement
# early in YEAR (2025 unless given: integreringsloven; before 2021: introduksjonsloven), a
# two-year plan from 1 April
make_case() {
    y0=${4:-2025}; y1=$((y0 + 1)); y2=$((y0 + 2))
    R participant add --fnr "$2" --name "$3" --permit-on 10.01.$y0 --settled-on 01.03.$y0 \
        --right-duty rett_plikt --schooling grunnskole --interpreter nei --street "Storgata 1" --postcode 5003 --place BERGEN
    R add assessment --participant "$1" --assessed-on 10.03.$y0 --education "Ni års skolegang i Kyiv." \
        --work-experience "Butikkmedarbeider i to år." --language-level A1 --career-on 12.03.$y0 --career-advice "Varehandel."
    for nd in "norsk Norsk_til_B1" "arbeid Praksis_i_handel" "samfunn Samfunnskunnskap"; do
        set -- "$1" $nd
        R add need --participant "$1" --area "$2" --description "$(echo "$3" | tr _ ' ')"
    done
    n0=$(q "SELECT ifnull(max(id),0) FROM need WHERE participant_id = $1")
    R add plan --participant "$1" --start-on 01.04.$y0 --planned-end 31.03.$y2 --final-goal arbeid \
        --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
        --consulted-on 25.03.$y0 --justification "Deltakeren har ni års skolegang og erfaring fra butikk. Handelen i Bergen trenger folk; norsk til B1 og praksis i butikk gir en realistisk vei til fast jobb."
    plan=$(q "SELECT id FROM plan WHERE participant_id = $1")
    R add phase --plan "$plan" --name "Norsk og praksis" --start-on 01.04.$y0 --end-on 31.03.$y1
    R add phase --plan "$plan" --name "Arbeidspraksis" --start-on 01.04.$y1 --end-on 31.03.$y2
    p1=$(q "SELECT min(id) FROM phase WHERE plan_id = $plan"); p2=$((p1 + 1))
    nn=$((n0 - 2)); na=$((n0 - 1)); ns=$n0
    for pm in "$p1 1 $nn 20" "$p1 2 $ns 3" "$p1 3 $ns 2" "$p1 4 $na 12,5" "$p2 1 $nn 10" "$p2 4 $na 27,5"; do
        set -- $pm
        R add plan_measure --phase "$1" --measure-id "$2" --need-id "$3" --hours "$4"
    done
}

