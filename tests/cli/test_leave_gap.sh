# Granted leave in the decision (issue 15 item 2): a gap between the phases that granted leave
# covers is no break of the year-round rule, a gap it does not cover (or a refused leave) stays
# one, through `decide` and through `check`; the decision states the leave and the check derives
# the gap and the programme's months again from it (a document that drops its leave, or says
# of care leave that it does not interrupt the programme, is found).
. "$(dirname "$0")/lib.sh"
DB="$T/g.db"
. "$(dirname "$0")/case.sh"
make_municipality
R add unit --municipality 1 --kind flyktningtjeneste --name Flyktningtjenesten
R edit unit 1 --street "Postboks 7700" --postcode 5020 --place BERGEN
K() { STEGVIS_USER=kari S decide "$@"; }

# two cases whose second phase starts 4 May 2026: 1-30 April and 1-3 May (33 days) without programme
for c in "1 01019010399 Åse_Løvås" "2 02029010075 Omar_Haddad"; do
    set -- $c
    make_case "$1" "$2" "$(echo "$3" | tr _ ' ')"
    R edit phase "$(q "SELECT max(ph.id) FROM phase ph JOIN plan pl ON pl.id = ph.plan_id WHERE pl.participant_id = $1")" \
        --start-on 04.05.2026
done

# without leave the gap stops the decision
expect 1 K 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
has "$T/err" "IN-K6-HELAR"
has "$T/err" "33 dager uten program"
# a refused leave covers nothing
R leave add --participant 1 --kind omsorg --from 01.04.2026 --to 03.05.2026 --granted nei --decided 20.03.2025 \
    --reason "Vilkårene er ikke oppfylt."
expect 1 K 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
has "$T/err" "IN-K6-HELAR"
# leave that covers part of the gap leaves the rest: 21 April to 3 May is 13 days
R leave add --participant 2 --kind omsorg --from 01.04.2026 --to 20.04.2026 --granted ja --decided 20.03.2025
expect 1 K 2 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
has "$T/err" "13 dager uten program"
[ "$(q "SELECT count(*) FROM decision")" -eq 0 ] && ok || bad "a refused decision was stored"

# granted care leave over the whole gap: the plan is decided
R leave add --participant 1 --kind omsorg --from 04.04.2026 --to 03.05.2026 --granted ja --decided 20.03.2025
expect 1 K 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
has "$T/err" "3 dager uten program"
R delete leave "$(q "SELECT max(id) FROM leave WHERE participant_id = 1")"
# a new application for the days of the refused one
R leave add --participant 1 --kind omsorg --from 01.04.2026 --to 03.05.2026 --granted ja --decided 20.03.2025
R contract set 1 --participant-commits "Delta i norsk og praksis, melde fravær." \
    --municipality-commits "Tilby norskopplæring og praksisplass." --signed 27.03.2025
expect 0 K 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
expect 0 S export 1 --out "$T/v1.xml"
has "$T/v1.xml" '<permisjon type="omsorg" fra="2026-04-01" til="2026-05-03" forlenger="true" vedtatt="2025-03-20"/>'
hasnt "$T/v1.xml" 'granted\|Vilkårene'
# the phase after the gap has no days without programme; the months leave out the 33 days of
# care leave without benefit: 1 April 2025 to 26 February 2027 is 22 whole months (23 without it)
has "$T/v1.xml" '<fase nr="2" navn="Arbeidspraksis" fra="2026-05-04" til="2027-03-31" timer="[0-9.]*" arbeidstimer="[0-9.]*" opphold="0"'
has "$T/v1.xml" 'maneder="22"'
expect 0 S check "$T/v1.xml"
# the letter tells the participant of the leave and that it prolongs the programme
expect 0 S letter 1
has "$T/out" "Du har fått innvilget permisjon (Omsorgspermisjon (uten stønad)) fra 01.04.2026 til 03.05.2026. Permisjonen er uten introduksjonsstønad"
expect 0 S letter 1 --pdf "$T/v1.pdf"
pdftotext "$T/v1.pdf" - | tr '\n' ' ' >"$T/v1.txt"
has "$T/v1.txt" "innvilget permisjon (Omsorgspermisjon (uten stønad)) fra 01.04.2026 til 03.05.2026"

# check derives the gap from the document's own leave: without it the gap is back, and the
# stated figures no longer match
sed 's|<permisjon [^>]*/>||' "$T/v1.xml" >"$T/noleave.xml"
expect 1 S check "$T/noleave.xml"
has "$T/out" "IN-K6-HELAR"
has "$T/out" "33 dager uten program"
# a document that says care leave does not interrupt the programme is found
sed 's|forlenger="true"|forlenger="false"|' "$T/v1.xml" >"$T/flag.xml"
expect 1 S check "$T/flag.xml"
has "$T/out" "permisjon\[1\]/@forlenger"
# a leave the rule set does not know cannot cover anything it claims to prolong
sed 's|type="omsorg"|type="ferie"|' "$T/v1.xml" >"$T/kind.xml"
expect 1 S check "$T/kind.xml"
finish
