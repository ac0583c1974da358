# The NIR worklist on the demo municipality against figures computed here with plain SQL over
# the same database; registering (before the event, twice, by roles that may not), a changed
# fact reopening its item, the export file, and deadlines on month ends.
. "$(dirname "$0")/lib.sh"
DB="$T/n.db"
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

expect 0 S demo --participants 150 --seed 5
TODAY=$(date +%Y-%m-%d)

# Every item kind counted independently from the facts (events on or before today). Absence by
# the hour: one item per participant and month with hours absent, once the month has ended.
HOUR_MONTHS="SELECT participant_id, substr(on_day, 1, 7) AS mon FROM absence_hour WHERE hours > 0
 GROUP BY participant_id, mon HAVING date(mon || '-01', '+1 month', '-1 day') <= '$TODAY'"
DECIDED="EXISTS(SELECT 1 FROM decision d WHERE d.participant_id = pl.participant_id)"
total=$(q "SELECT
 (SELECT count(*) FROM participant p WHERE (SELECT min(decided_on) FROM decision d WHERE d.participant_id = p.id
     AND d.kind <> 'avslag') <= '$TODAY')
 + (SELECT count(*) FROM plan pl WHERE pl.start_on <= '$TODAY' AND $DECIDED)
 + (SELECT count(*) FROM decision WHERE kind = 'stans' AND decided_on <= '$TODAY')
 + (SELECT count(*) FROM plan pl WHERE pl.final_goal <> '' AND (SELECT max(decided_on) FROM decision d
     WHERE d.participant_id = pl.participant_id AND d.kind <> 'stans') <= '$TODAY')
 + (SELECT count(*) FROM assessment WHERE assessed_on <= '$TODAY')
 + (SELECT count(*) FROM assessment WHERE career_on <= '$TODAY')
 + (SELECT count(*) FROM plan_measure pm JOIN phase ph ON ph.id = pm.phase_id JOIN plan pl ON pl.id = ph.plan_id
     WHERE ph.start_on <= '$TODAY' AND $DECIDED)
 + (SELECT count(*) FROM plan_measure pm JOIN phase ph ON ph.id = pm.phase_id JOIN plan pl ON pl.id = ph.plan_id
     JOIN measure m ON m.id = pm.measure_id WHERE m.kind IN ('foreldre', 'livsmestring') AND ph.end_on <= '$TODAY' AND $DECIDED)
 + (SELECT count(*) FROM absence WHERE from_on <= '$TODAY')
 + (SELECT count(*) FROM evaluation WHERE evaluated_on <= '$TODAY')
 + (SELECT count(*) FROM ($HOUR_MONTHS))
 + (SELECT count(*) FROM leave WHERE granted AND from_on <= '$TODAY')
 + (SELECT count(*) FROM appeal WHERE received_on <= '$TODAY')
 + (SELECT count(*) FROM appeal WHERE ifnull(outcome_on, reviewed_on) <= '$TODAY')")
[ "$total" -gt 500 ] && ok || bad "the demo should give hundreds of NIR items, got $total"
expect 0 S nir --limit 5
has "$T/out" "NIR per .*: $total åpne punkter"
[ "$(grep -c 'FORFALT' "$T/out")" -ge 1 ] && ok || bad "the first items should be overdue: $(head -3 "$T/out")"

# The list is ordered by deadline, and every deadline is the event + 2 months, day clamped to
# the month's end (computed here in awk, independently of the program).
expect 0 S nir --tsv --limit 0
n=$(wc -l <"$T/out")
[ "$n" -eq "$total" ] && ok || bad "--tsv gave $n rows, want $total"
awk -F'\t' '
function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
function mdays(y, m) { return m == 2 ? (leap(y) ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31 }
{
    split($5, e, "-"); y = e[1] + 0; m = e[2] + 2; d = e[3] + 0
    if (m > 12) { m -= 12; y++ }
    if (d > mdays(y, m)) d = mdays(y, m)
    due = sprintf("%04d-%02d-%02d", y, m, d)
    if (due != $6) { print "row " NR ": event " $5 " due " $6 " want " due; bad++ }
    if ($6 < last) { print "row " NR ": not in deadline order"; bad++ }
    last = $6
    if ($2 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][*][*][*][*][*]$/) { print "row " NR ": identity number not masked: " $2; bad++ }
}
END { exit bad > 0 }' "$T/out" >"$T/awk" && ok || bad "deadlines: $(head -3 "$T/awk")"
# Per kind, the counts match the plain SQL ones.
k_ass=$(q "SELECT count(*) FROM assessment WHERE assessed_on <= '$TODAY'")
[ "$(cut -f3 "$T/out" | grep -c '^kartlegging:')" -eq "$k_ass" ] && ok || bad "kartlegging items != $k_ass"
k_end=$(q "SELECT count(*) FROM evaluation WHERE evaluated_on <= '$TODAY'")
[ "$(cut -f3 "$T/out" | grep -c '^slutt:')" -eq "$k_end" ] && ok || bad "slutt items != $k_end"
k_hour=$(q "SELECT count(*) FROM ($HOUR_MONTHS)")
[ "$k_hour" -gt 0 ] && ok || bad "the demo should give months with absence by the hour"
[ "$(cut -f3 "$T/out" | grep -c '^timefravaer:')" -eq "$k_hour" ] && ok || bad "timefravaer items != $k_hour"
k_leave=$(q "SELECT count(*) FROM leave WHERE granted AND from_on <= '$TODAY'")
[ "$(cut -f3 "$T/out" | grep -c '^permisjon:')" -eq "$k_leave" ] && ok || bad "permisjon items != $k_leave"
# a month's fact: its approved and unapproved hours, summed here from the rows; the event the
# month's last day
hrow=$(q "SELECT min(id) FROM absence_hour WHERE hours > 0 AND on_day < date('$TODAY', 'start of month')")
hpid=$(q "SELECT participant_id FROM absence_hour WHERE id = $hrow")
hmon=$(q "SELECT substr(on_day, 1, 7) FROM absence_hour WHERE id = $hrow")
hfact=$(q "SELECT '$hmon godkjent ' || printf('%.1f', total(CASE WHEN approved THEN hours END) / 10.0) || ' t ugodkjent '
   || printf('%.1f', total(CASE WHEN approved THEN 0 ELSE hours END) / 10.0) || ' t' FROM absence_hour
   WHERE participant_id = $hpid AND substr(on_day, 1, 7) = '$hmon' AND hours > 0")
hitem="timefravaer:$(q "SELECT min(id) FROM absence_hour WHERE participant_id = $hpid AND substr(on_day, 1, 7) = '$hmon' AND hours > 0")"
grep -q "	$hitem	$hfact	$(q "SELECT date('$hmon-01', '+1 month', '-1 day')")	" "$T/out" && ok ||
    bad "$hitem should say «$hfact»: $(grep "	$hitem	" "$T/out")"

# Registering: the first (most overdue) item.
item=$(head -1 "$T/out" | cut -f3)
ev=$(head -1 "$T/out" | cut -f5)
before=$(date -d "$ev - 1 day" +%d.%m.%Y)
expect 1 S nir --register "$item" --on "$before"
has "$T/err" "er før hendelsen"
expect 1 S nir --register "$item" --on 01.01.2199
has "$T/err" "fram i tid"
expect 1 S nir --register "$item" --on 31.02.2026
has "$T/err" "Registrert i NIR: .* er ikke en dato"
expect 1 S nir --register "start:999999"
has "$T/err" "finnes ikke"
expect 1 S nir --register "tull"
[ "$(q "SELECT count(*) FROM nir_registration")" -eq 0 ] && ok || bad "a refused registration was stored"
expect 0 S nir --register "$item" --on "$(date -d "$ev" +%d.%m.%Y)"
expect 1 S nir --register "$item"
has "$T/err" "allerede registrert"
expect 0 S nir --limit 1
has "$T/out" "NIR per .*: $((total - 1)) åpne punkter"
# audited by the generated triggers, with who and the fact
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'nir_registration' AND action = 'insert' AND login = '$(id -un)'
        AND json_extract(new, '\$.item') = '$item'")" -eq 1 ] && ok || bad "registration not audited"
expect 0 S nir --all --tsv --limit 0
grep -q "	$item	" "$T/out" && ok || bad "--all should list the registered item"

# A change to a registered fact reopens its item.
aid=$(q "SELECT min(id) FROM assessment WHERE assessed_on <= date('now', '-30 days')")
expect 0 S nir --register "kartlegging:$aid"
expect 0 S nir --tsv --limit 0
grep -q "	kartlegging:$aid	" "$T/out" && bad "registered item still open" || ok
old=$(q "SELECT assessed_on FROM assessment WHERE id = $aid")
expect 0 S edit assessment "$aid" --assessed-on "$(date -d "$old + 1 day" +%d.%m.%Y)"
expect 0 S nir --limit 0
has "$T/out" "kartlegging:$aid"
has "$T/out" "endret siden den ble registrert"
expect 0 S nir --register "kartlegging:$aid"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'nir_registration' AND action = 'update'")" -eq 1 ] && ok \
    || bad "re-registering a reopened item should update (and audit) its registration"

# A month of absence by the hour registered, then a row of it changed: the item reopens with
# the new hours; a day attended (0 hours) added to the month changes nothing.
expect 0 S nir --register "$hitem"
hid=$(q "SELECT id FROM absence_hour WHERE participant_id = $hpid AND substr(on_day, 1, 7) = '$hmon' AND hours > 0
         ORDER BY id DESC LIMIT 1")
expect 0 S edit absence_hour "$hid" --hours "$(q "SELECT printf('%.1f', (hours + 1) / 10.0) FROM absence_hour WHERE id = $hid" | tr . ,)"
expect 0 S nir --tsv --limit 0
grep -q "	$hitem	" "$T/out" && ok || bad "a changed month of absence should reopen $hitem"
[ "$(q "SELECT open FROM nir_item WHERE item = '$hitem'")" -eq 1 ] && ok || bad "$hitem not open"

# Roles: NAV and the supervisor read the worklist but may not register; an adviser may.
expect 0 S user add navansatt nav --municipality 9999
expect 0 S user add tilsyn supervisor
expect 0 S user add radgiver adviser --municipality 9999
item2=$(S nir --tsv --limit 1 | cut -f3)
for who in navansatt tilsyn; do
    STEGVIS_USER=$who expect 0 S nir --limit 1
    STEGVIS_USER=$who expect 1 S nir --register "$item2"
    has "$T/err" "har ikke lov"
done
STEGVIS_USER=radgiver expect 0 S nir --register "$item2"
[ "$(q "SELECT updated_by FROM nir_registration WHERE item = '$item2'")" = radgiver ] && ok || bad "registered by whom?"

# --adviser: only that adviser's participants.
for id in 3 6 9 12 15; do S edit participant $id --adviser radgiver >/dev/null || bad "edit participant $id"; done
mine=$(S nir --tsv --limit 0 | awk -F'\t' '$1 == 3 || $1 == 6 || $1 == 9 || $1 == 12 || $1 == 15' | wc -l)
expect 0 S nir --adviser radgiver --tsv --limit 0
[ "$(wc -l <"$T/out")" -eq "$mine" ] && ok || bad "--adviser radgiver gave $(wc -l <"$T/out") rows, want $mine"

# Export: the open items, one per row, private file.
open=$(S nir --tsv --limit 0 | wc -l)
expect 0 S nir --export "$T/nir.tsv"
[ "$(stat -c %a "$T/nir.tsv")" = 600 ] && ok || bad "export mode $(stat -c %a "$T/nir.tsv")"
head -1 "$T/nir.tsv" | grep -q "^deltaker	fodselsnummer	punkt	opplysning	hendelse	frist$" && ok || bad "export header"
[ "$(($(wc -l <"$T/nir.tsv") - 1))" -eq "$open" ] && ok || bad "export rows != $open"
[ "$(awk -F'\t' 'NF != 6' "$T/nir.tsv" | wc -l)" -eq 0 ] && ok || bad "export rows must have 6 fields"

# Month ends: a leave on 31.12 is due on the last day of February, leap year or not.
pid=$(q "SELECT min(participant_id) FROM plan")
for y in 2022 2023; do
    expect 0 S add absence --participant "$pid" --kind permisjon --reason velferd --from-on "31.12.$y" --to-on "31.12.$y"
done
expect 0 S nir --all --tsv --limit 0
grep "	fravaer:" "$T/out" | grep -q "	2023-12-31	2024-02-29$" && ok || bad "31.12.2023 + 2 months should be 29.02.2024"
grep "	fravaer:" "$T/out" | grep -q "	2022-12-31	2023-02-28$" && ok || bad "31.12.2022 + 2 months should be 28.02.2023"
expect 0 S show "$pid"
has "$T/out" "Registrering i NIR innen"

# Appeals (forvaltningsloven § 28): one item per appeal from the day it was received, and one
# per appeal with an outcome (the municipality's review, then Statsforvalteren's) from the
# latest; counted here with plain SQL.
d1=$(q "SELECT min(id) FROM decision WHERE decided_on <= date('now', '-60 days')")
d2=$(q "SELECT min(id) FROM decision WHERE decided_on <= date('now', '-60 days') AND id > $d1")
on1=$(q "SELECT decided_on FROM decision WHERE id = $d1")
on2=$(q "SELECT decided_on FROM decision WHERE id = $d2")
expect 0 S appeal add --decision "$d1" --received "$(date -d "$on1 + 5 days" +%d.%m.%Y)" --grounds "Jeg vil ha mer norsk."
expect 0 S appeal add --decision "$d2" --received "$(date -d "$on2 + 3 days" +%d.%m.%Y)" --grounds "Praksisplassen er for langt unna."
a1=$(q "SELECT id FROM appeal WHERE decision_id = $d1")
expect 0 S appeal review "$a1" --result opprettholdt --on "$(date -d "$on1 + 10 days" +%d.%m.%Y)"
count_appeals() {
    expect 0 S nir --all --tsv --limit 0
    k_klage=$(q "SELECT count(*) FROM appeal WHERE received_on <= '$TODAY'")
    k_utfall=$(q "SELECT count(*) FROM appeal WHERE (review IS NOT NULL OR outcome IS NOT NULL)
                 AND ifnull(outcome_on, reviewed_on) <= '$TODAY'")
    [ "$k_klage" -eq 2 ] && [ "$k_utfall" -eq 1 ] && ok || bad "two appeals, one with an outcome: $k_klage, $k_utfall"
    [ "$(cut -f3 "$T/out" | grep -c '^klage:')" -eq "$k_klage" ] && ok || bad "$1: klage items != $k_klage"
    [ "$(cut -f3 "$T/out" | grep -c '^klageutfall:')" -eq "$k_utfall" ] && ok || bad "$1: klageutfall items != $k_utfall"
}
count_appeals "appeals"
kfact=$(q "SELECT 'klage vedtak ' || d.decided_on || ' mottatt ' || a.received_on || '	' || a.received_on FROM appeal a
           JOIN decision d ON d.id = a.decision_id WHERE a.id = $a1")
grep -q "	klage:$a1	$kfact	" "$T/out" && ok || bad "klage:$a1 should say «$kfact»: $(grep "	klage:$a1	" "$T/out")"
ufact="kommunen opprettholdt $(date -d "$on1 + 10 days" +%Y-%m-%d)"
grep -q "	klageutfall:$a1	$ufact	" "$T/out" && ok || bad "klageutfall:$a1 should say «$ufact»: $(grep "	klageutfall:$a1	" "$T/out")"
# the outcome registered, then Statsforvalteren's outcome: the item reopens with it, from its day
expect 0 S nir --register "klageutfall:$a1"
[ "$(q "SELECT open FROM nir_item WHERE item = 'klageutfall:$a1'")" -eq 0 ] && ok || bad "klageutfall:$a1 still open"
expect 0 S appeal send "$a1" --on "$(date -d "$on1 + 12 days" +%d.%m.%Y)"
[ "$(q "SELECT open FROM nir_item WHERE item = 'klageutfall:$a1'")" -eq 0 ] && ok || bad "sending is no outcome"
out_on=$(date -d "$on1 + 40 days" +%Y-%m-%d)
expect 0 S appeal outcome "$a1" --result endret --on "$(date -d "$out_on" +%d.%m.%Y)" --note "Mer norsk."
[ "$(q "SELECT open FROM nir_item WHERE item = 'klageutfall:$a1'")" -eq 1 ] && ok || bad "a new outcome should reopen klageutfall:$a1"
expect 0 S nir --tsv --limit 0
grep -q "	klageutfall:$a1	$ufact statsforvalteren endret $out_on	$out_on	" "$T/out" && ok ||
    bad "klageutfall:$a1 after the outcome: $(grep "	klageutfall:$a1	" "$T/out")"
# existing databases get the items in the migration
latest=$(q "PRAGMA user_version")
q "DELETE FROM nir_item WHERE kind IN ('klage', 'klageutfall'); PRAGMA user_version = 28"
count_appeals "migrated"
[ "$(q "PRAGMA user_version")" -eq "$latest" ] && ok || bad "not migrated to $latest"
[ "$(q "SELECT open FROM nir_item WHERE item = 'klageutfall:$a1'")" -eq 1 ] && ok || bad "migrated: klageutfall:$a1 not open"

# A refusal (avslag) is no offer: a participant whose only decision refuses the programme has
# no tilbud item; an appeal against it has its own.
expect 0 S participant add --fnr 04049010023 --name "Ali Rahimi" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty kan_tilbys --schooling hoyere --interpreter nei --street "Storgata 2" --postcode 5003 --place BERGEN \
    --municipality 9999
rpid=$(q "SELECT max(id) FROM participant")
expect 0 S decide "$rpid" --kind avslag --notify-method post --date 20.04.2025 --notified 22.04.2025 --yes \
    --reason "Deltakeren har høyere utdanning og fast arbeid, og hører ikke til målgruppen for programmet."
[ "$(q "SELECT count(*) FROM decision WHERE participant_id = $rpid AND kind = 'avslag'")" -eq 1 ] && ok || bad "no avslag"
expect 0 S appeal add --decision "$(q "SELECT id FROM decision WHERE participant_id = $rpid")" --received 25.04.2025 \
    --grounds "Jeg har rett til programmet."
expect 0 S nir --all --tsv --limit 0
awk -F'\t' -v p="$rpid" '$1 == p && $3 ~ /^tilbud:/' "$T/out" | grep -q . && bad "an avslag gave a tilbud item" || ok
awk -F'\t' -v p="$rpid" '$1 == p && $3 ~ /^klage:/' "$T/out" | grep -q . && ok || bad "the appeal against the avslag has no item"
k_offer=$(q "SELECT count(*) FROM participant p WHERE (SELECT min(decided_on) FROM decision d WHERE d.participant_id = p.id
             AND d.kind <> 'avslag') <= '$TODAY'")
[ "$(cut -f3 "$T/out" | grep -c '^tilbud:')" -eq "$k_offer" ] && ok || bad "tilbud items != $k_offer"
finish
