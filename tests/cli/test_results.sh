# The results report on the demo municipality against figures computed here with plain SQL
# over the same database: counts and shares per year of ending, small counts hidden (also
# from subtraction), the one-year status due, preliminary years, CSV cells that cannot be
# formulas, an empty report that says so, and who may read it.
. "$(dirname "$0")/lib.sh"
DB="$T/r.db"
S() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

expect 0 "$BIN" --db "$T/empty.db" init --number 4601 --name Bergen
expect 0 "$BIN" --db "$T/empty.db" results
has "$T/out" "Ingen deltakere har avsluttet programmet"
expect 0 "$BIN" --db "$T/empty.db" results --csv
[ "$(wc -l <"$T/out")" -eq 1 ] && ok || bad "an empty CSV report is its header only"

expect 0 S demo --participants 400 --seed 9
THIS=$(date +%Y)
WORK="('arbeid', 'utdanning', 'begge')"
# One ended participant a year and a half ago loses the status one year on: it is due.
late=$(q "SELECT id FROM evaluation WHERE evaluated_on < date('now', '-18 months') ORDER BY evaluated_on DESC LIMIT 1")
late_p=$(q "SELECT participant_id FROM evaluation WHERE id = $late")
expect 0 S edit evaluation "$late" --status-1y "" --status-1y-on ""
expect 0 S results --csv
cp "$T/out" "$T/all.csv"
years=$(q "SELECT DISTINCT strftime('%Y', evaluated_on) FROM evaluation ORDER BY 1")
[ -n "$years" ] && ok || bad "the demo has no ended participants"
for y in $years; do
    n=$(q "SELECT count(*) FROM evaluation WHERE strftime('%Y', evaluated_on) = '$y'")
    se=$(q "SELECT CAST(round(100.0 * sum(outcome IN $WORK) / count(*)) AS INTEGER) FROM evaluation
            WHERE strftime('%Y', evaluated_on) = '$y'")
    known=$(q "SELECT count(*) FROM evaluation WHERE strftime('%Y', evaluated_on) = '$y' AND ifnull(status_1y, '') <> ''")
    s1=$(q "SELECT CAST(round(100.0 * sum(status_1y IN $WORK) / count(*)) AS INTEGER) FROM evaluation
            WHERE strftime('%Y', evaluated_on) = '$y' AND ifnull(status_1y, '') <> ''")
    lack=$(q "SELECT count(*) FROM evaluation WHERE strftime('%Y', evaluated_on) = '$y' AND ifnull(status_1y, '') = ''
              AND evaluated_on <= date('now', '-1 year')")
    pre=nei; [ "$y" -ge "$THIS" ] && pre=ja
    row=$(grep "^9999,Fjordvik (DEMO),$y,$pre,Alle,Alle som avsluttet," "$T/all.csv")
    [ -n "$row" ] && ok || bad "$y: no total row (preliminary $pre)"
    if [ "$n" -ge 5 ]; then
        [ "$(echo "$row" | cut -d, -f7)" = "$n" ] && ok || bad "$y: ended $(echo "$row" | cut -d, -f7), want $n"
        [ "$(echo "$row" | cut -d, -f8)" = "$se" ] && ok || bad "$y: share at the end $(echo "$row" | cut -d, -f8), want $se"
        if [ "$known" -ge 5 ]; then
            [ "$(echo "$row" | cut -d, -f9)" = "$s1" ] && ok || bad "$y: share one year on $(echo "$row" | cut -d, -f9), want $s1"
        fi
        want_lack=$lack; [ "$lack" -gt 0 ] && [ "$lack" -lt 5 ] && want_lack="<5"
        [ "$(echo "$row" | cut -d, -f10)" = "$want_lack" ] && ok || bad "$y: lacking $(echo "$row" | cut -d, -f10), want $want_lack"
    fi
    # per ending reason: a count of 5 or more is the SQL count; 1-4 is hidden
    for code_label in "arbeid:Overgang til arbeid" "utdanning:Overgang til utdanning" "tid_brukt:Tiden brukt opp"; do
        code=${code_label%%:*} label=${code_label#*:}
        k=$(q "SELECT count(*) FROM evaluation WHERE strftime('%Y', evaluated_on) = '$y' AND end_reason = '$code'")
        got=$(grep "^9999,Fjordvik (DEMO),$y,$pre,Avslutningsgrunn,$label," "$T/all.csv" | cut -d, -f7)
        if [ "$n" -lt 5 ] || { [ "$k" -ge 1 ] && [ "$k" -lt 5 ]; }; then [ "$got" = "<5" ] && ok || bad "$y $code: $k shown as $got"
        elif [ "$got" != ":" ]; then [ "$got" = "$k" ] && ok || bad "$y $code: $got, want $k"; fi
    done
done
# No count of 1-4 is ever shown, and in a breakdown of the total no single cell is hidden alone
# (the total minus the others would give it away).
awk -F, 'NR > 1 && $7 ~ /^[1-4]$/ { print "shown: " $0; bad++ } END { exit bad > 0 }' "$T/all.csv" >"$T/awk" && ok \
    || bad "small counts shown: $(head -2 "$T/awk")"
awk -F, 'NR > 1 && $5 != "Alle" && $5 != "Tiltak i planen" && $7 !~ /^[0-9]+$/ { h[$3 "," $5]++ }
         END { for (k in h) if (h[k] == 1) { print k; bad++ } exit bad > 0 }' "$T/all.csv" >"$T/awk" && ok \
    || bad "a single hidden cell in: $(head -2 "$T/awk")"
# The year filter and the text report.
y0=$(echo "$years" | tail -2 | head -1)
expect 0 S results --year "$y0"
has "$T/out" "avsluttet i $y0"
hasnt "$T/out" "avsluttet i $THIS"
has "$T/out" "mål: 70 %"
expect 1 S results --year 20x5
has "$T/err" "År: «20x5» er ikke et årstall"
expect 0 S results --year 1999
has "$T/out" "Ingen deltakere avsluttet programmet i 1999"
if echo "$years" | grep -q "^$THIS$"; then
    expect 0 S results --year "$THIS"
    has "$T/out" "foreløpig"
fi

# The one-year status due: the participant above is on the list, masked.
expect 0 S results --due
has "$T/out" "^ *$late_p [0-9]\{6\}\*\*\*\*\*"
due_n=$(q "SELECT count(*) FROM evaluation WHERE ifnull(status_1y, '') = '' AND evaluated_on <= date('now', '-1 year')")
[ "$(grep -c '\*\*\*\*\*' "$T/out")" -eq "$due_n" ] && ok || bad "--due lists $(grep -c '\*\*\*\*\*' "$T/out"), want $due_n"

# CSV cells cannot be formulas.
expect 0 S edit municipality 1 --name "=HYPERLINK(\"x\") (DEMO)"
expect 0 S results --csv
grep -q "^9999,\"'=HYPERLINK(\"\"x\"\") (DEMO)\"," "$T/out" && ok || bad "formula not neutralised: $(sed -n 2p "$T/out")"

# One page of PDF with the figures of a year, for the council.
n0=$(q "SELECT count(*) FROM evaluation WHERE strftime('%Y', evaluated_on) = '$y0'")
expect 0 S results --pdf "$T/r.pdf" --year "$y0"
[ "$(stat -c %a "$T/r.pdf")" = 600 ] && ok || bad "PDF mode $(stat -c %a "$T/r.pdf")"
[ "$(pdfinfo "$T/r.pdf" | awk '/^Pages:/ {print $2}')" = 1 ] && ok || bad "the PDF is not one page"
pdftotext -layout "$T/r.pdf" "$T/r.txt"
has "$T/r.txt" "Resultater i introduksjonsprogrammet"
has "$T/r.txt" "avsluttet i $y0"
grep -q "Alle som avsluttet  *$n0 " "$T/r.txt" && ok || bad "the PDF does not show the $n0 who ended in $y0: $(grep Alle "$T/r.txt")"
has "$T/r.txt" "Nasjonalt mål: 70 %"
expect 1 S results --pdf "$T/none.pdf" --year 1999
[ -e "$T/none.pdf" ] && bad "a PDF of nothing was written" || ok

# The checklist as one page too.
expect 1 S checklist --pdf "$T/c.pdf" --municipality 9999
[ "$(stat -c %a "$T/c.pdf")" = 600 ] && ok || bad "checklist PDF mode"
pdftotext -layout "$T/c.pdf" "$T/c.txt"
has "$T/c.txt" "Tilsynssjekkliste"
has "$T/c.txt" "K1 "
cases=$(S checklist --municipality 9999 | sed -n 's/^Tilsynssjekkliste [0-9.]*: \([0-9]*\) saker.*/\1/p')
has "$T/c.txt" "$cases saker"

# NAV and the supervisor read the report.
expect 0 S user add navansatt nav --municipality 9999
expect 0 S user add tilsyn supervisor
STEGVIS_USER=navansatt expect 0 S results --csv
STEGVIS_USER=tilsyn expect 0 S results
has "$T/out" "Alle som avsluttet"
STEGVIS_USER=ukjent expect 1 S results
finish
