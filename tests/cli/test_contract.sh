# The integration contract (integreringsloven § 16) through the command line: set and show for
# the plan's current version, the refusals naming the field with nothing changed (signed before
# the plan was made or after today, empty contents, a participant under introduksjonsloven, no
# plan), the roles (the supervisor reads), the audit rows, and a new plan version asking for a
# new contract while the old one stays.
. "$(dirname "$0")/lib.sh"
DB="$T/k.db"
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
R() { S "$@" >/dev/null || bad "setup: $* :: $(S "$@" 2>&1 | head -c 200)"; }
R init --number 4601 --name Bergen
R add measure --municipality 4601 --kind norsk --name Norskkurs --provider voksenopplaering --orientation utdanning \
    --hours 20 --status eksisterende
R participant add --fnr 01019010399 --name "Ny Lov" --permit-on 01.10.2025 --settled-on 01.11.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
R participant add --fnr 02019010085 --name "Gammel Lov" --permit-on 01.06.2019 --settled-on 01.08.2019 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
R participant add --fnr 02019010166 --name "Uten Plan" --permit-on 01.10.2025 --settled-on 01.11.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
for p in 1 2; do
    R add need --participant $p --area norsk --description "Norsk til B1"
    R add plan --participant $p --start-on 01.01.2026 --planned-end 31.12.2026 --final-goal arbeid \
        --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
        --consulted-on 15.12.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk; norsk og praksis gir en vei til jobb."
done
REV=$(q "SELECT rev FROM plan WHERE participant_id = 1")
TOMORROW=$(date -d tomorrow +%d.%m.%Y)

# refusals: the field named, nothing changed
n0=$(q "SELECT count(*) FROM audit")
expect 1 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" --signed 14.12.2025
has "$T/err" "Signert av deltaker: 14.12.2025 er før planen ble laget (samråd 15.12.2025)"
expect 1 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" --signed "$TOMORROW"
has "$T/err" "Signert av deltaker: $TOMORROW er fram i tid"
expect 1 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" \
    --signed-participant 16.12.2025 --signed-municipality 10.12.2025
has "$T/err" "Signert av kommunen: 10.12.2025 er før planen ble laget"
expect 1 S contract set 1 --participant-commits "" --municipality-commits "Norskkurs" --signed 16.12.2025
has "$T/err" "Deltakeren forplikter seg til: må fylles ut"
expect 1 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "   " --signed 16.12.2025
has "$T/err" "Kommunen forplikter seg til: må fylles ut"
expect 1 S contract set 2 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" --signed 16.12.2025
has "$T/err" "Deltaker: Gammel Lov hører under introduksjonsloven"
expect 1 S contract set 3 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" --signed 16.12.2025
has "$T/err" "Planversjon: deltakeren har ingen integreringsplan"
expect 1 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" --signed 32.12.2025
has "$T/err" "Signert av deltaker"
expect 2 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs"
has "$T/err" "signed mangler"
expect 1 S add contract --participant 1 --plan-rev 999 --participant-commits "Delta" --municipality-commits "Kurs" \
    --signed-participant 16.12.2025 --signed-municipality 16.12.2025
has "$T/err" "Planversjon: 999 er ikke planens gjeldende versjon"
[ "$(q "SELECT count(*) FROM audit")" -eq "$n0" ] && ok || bad "a refused contract changed the audit log"
[ "$(q "SELECT count(*) FROM contract")" -eq 0 ] && ok || bad "a refused contract was stored"
expect 0 S contract show 1
has "$T/out" "ingen for planversjon $REV"

# the supervisor reads, and may not write
STEGVIS_USER=root R user add tilsyn supervisor
STEGVIS_USER=tilsyn expect 1 S contract set 1 --participant-commits "Delta i norsk" --municipality-commits "Norskkurs" --signed 16.12.2025
has "$T/err" "har ikke lov"

# set, show, change
expect 0 S contract set 1 --participant-commits "Delta i norskopplæring og praksis, melde fravær" \
    --municipality-commits "Norskkurs 20 timer i uka og oppfølging hver måned" --signed 16.12.2025
has "$T/out" "Integreringskontrakt nr. 1 for planversjon $REV er lagret"
[ "$(q "SELECT plan_rev || ' ' || signed_participant || ' ' || signed_municipality FROM contract")" = "$REV 2025-12-16 2025-12-16" ] \
    && ok || bad "stored: $(q "SELECT * FROM contract")"
expect 0 S contract set 1 --signed-municipality 17.12.2025
has "$T/out" "er endret"
[ "$(q "SELECT count(*) FROM contract")" -eq 1 ] && ok || bad "a changed contract made a second row"
STEGVIS_USER=tilsyn expect 0 S contract show 1
has "$T/out" "planversjon $REV (gjeldende)"
has "$T/out" "Signert av kommunen: 17.12.2025"
has "$T/out" "Deltakeren forplikter seg til: Delta i norskopplæring"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'contract'")" -eq 2 ] && ok || bad "contract writes not audited: $(q "SELECT count(*) FROM audit WHERE tbl = 'contract'")"
expect 0 S show 1
has "$T/out" "Integreringskontrakt (integreringsloven § 16) for planversjon $REV"
expect 0 S contract show 2
hasnt "$T/out" "Integreringskontrakt nr"

# a new plan version: the old contract stays, the new version has none
R edit plan 1 --norwegian-goal B2
NEW=$(q "SELECT rev FROM plan WHERE participant_id = 1")
[ "$NEW" -gt "$REV" ] && ok || bad "the plan's version did not move on"
expect 0 S contract show 1
has "$T/out" "planversjon $REV (tidligere plan)"
has "$T/out" "ingen for planversjon $NEW"
expect 0 S contract set 1 --participant-commits "Delta i norsk til B2" --municipality-commits "Norskkurs" --signed 18.12.2025
has "$T/out" "nr. 2 for planversjon $NEW er lagret"
expect 0 S verify

# in the decision (XML), the rule of integreringsloven § 16, and the letters (text and PDF)
D2="$T/demo.db"
"$BIN" --db "$D2" init --number 4601 --name Bergen >/dev/null
"$BIN" --db "$D2" demo --participants 30 --seed 3 >/dev/null
P=$(sqlite3 "$D2" "SELECT d.participant_id FROM decision d JOIN contract k ON k.participant_id = d.participant_id
    AND k.plan_rev = d.plan_rev WHERE d.law = 'integreringsloven' AND d.kind = 'plan' ORDER BY d.id LIMIT 1")
[ -n "$P" ] && ok || bad "the demo made no plan decision with a contract"
expect 0 "$BIN" --db "$D2" export "$P" --out "$T/v.xml"
has "$T/v.xml" "<kontrakt planversjon=\"[0-9]*\" signert-deltaker=\"[0-9-]*\" signert-kommune="
"$BIN" check "$T/v.xml" >"$T/out" 2>&1
has "$T/out" "IN-K1-KONTRAKT	ok"
FIX="$(dirname "$0")/../fixtures/vedtak"
expect 1 "$BIN" check "$FIX/IN-K1-KONTRAKT-fail.xml"
has "$T/out" "IN-K1-KONTRAKT	brudd"
expect 0 "$BIN" check "$FIX/IN-K1-KONTRAKT-ok.xml"
expect 0 "$BIN" --db "$D2" letter "$P"
has "$T/out" "^INTEGRERINGSKONTRAKTEN"
has "$T/out" "Du har forpliktet deg til: Delta i alle tiltak"
has "$T/out" "integreringsloven § 16"
expect 0 "$BIN" --db "$D2" letter "$P" --pdf "$T/v.pdf"
if command -v pdftotext >/dev/null; then
    pdftotext "$T/v.pdf" "$T/v.txt"
    has "$T/v.txt" "INTEGRERINGSKONTRAKTEN"
fi
for k in del.kontrakt kontrakt kontrakt.deltaker kontrakt.kommune; do
    grep -q "^$k = " "$STEGVIS_TEMPLATES/letters/nn.txt" && ok || bad "nynorsk letter text $k missing"
done
finish
