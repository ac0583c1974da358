# The mouse (set mouse on in stegvis.conf(5)) beyond the list and the forms: a click selects a
# row of the case screen, a finding or field of the decision screen and a row of the deadlines,
# a double click opens it as Enter does.
. "$(dirname "$0")/lib.sh"

make_db 40
printf 'set mouse on\n' >"$XDG_CONFIG_HOME/stegvis/config"
DECIDED=$(sv list --tsv --status vedtatt | awk -F'\t' 'NR == 2 { print $3 }')
[ -n "$DECIDED" ] || fail "demoen mangler vedtatte saker"

# click BUTTON COLUMN ROW (0-based; X10 report: button, column, row + 32)
click() { T send-keys -t t -l "$(printf '\033[M%b%b%b' "\\0$(printf %o $((32 + $1)))" "\\0$(printf %o $((33 + $2)))" "\\0$(printf %o $((33 + $3)))")"; }
single() { click 0 "$1" "$2"; click 3 "$1" "$2"; }
# (after a pause: a click just before would make it a triple click)
double() { sleep 0.4; single "$1" "$2"; single "$1" "$2"; }
# rowof TEXT: the screen row (0-based) where TEXT first shows
rowof() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }
# wait_selected TEXT: the highlighted row comes to hold TEXT
wait_selected() {
    n=30
    while [ $n -gt 0 ] && ! selected | grep -qF -- "$1"; do sleep 0.1; n=$((n - 1)); done
    selected | grep -qF -- "$1" || fail "raden med «$1» ble ikke valgt"
}

start 120 35
wait_for "Deltakere"
keys /; typ "$DECIDED"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Steg"
# step 5: a click on the plan's row selects it, a double click opens its form
keys 5
wait_for "Plan"
r=$(rowof "Kartlegging")
[ -n "$r" ] || fail "fant ikke kartleggingen i steg 5"
single 4 "$r"
wait_selected "Kartlegging"
double 4 "$r"
wait_for "Kartlagt dato"
keys Escape
wait_for "Steg"

# the decision screen: a click on the kind's field selects it, a double click opens its list
keys v
wait_for "Vedtakstype:"
r=$(rowof "Vedtakstype:")
single 2 "$r"
wait_selected "Vedtakstype:"
screen | grep -q "Vedtak om stans" && fail "valglisten er åpen før dobbeltklikket"
double 2 "$r"
wait_for "Vedtak om stans"
keys Escape
wait_gone "Vedtak om stans"
keys Escape
wait_for "Steg"
keys Escape
wait_for "Søk:"

# the deadlines: a click on the third participant selects it, a double click opens the case
keys x d
wait_for "Frister"
wait_for "Planvedtak"
r=$(rowof "Planvedtak")
third=$(screen | sed -n "$((r + 4))p" | cut -c1-20 | sed 's/ *$//; s/^\* //')
single 3 $((r + 3))
wait_selected "$third"
double 3 $((r + 3))
wait_for "Sak: $third"
keys Escape
wait_for "Frister"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
