# The configuration file (stegvis.conf(5)): a bad line is named with file and line and the rest
# applies (a binding, colours, the mouse); a click selects a row, the wheel scrolls, a double
# click opens; Esc on the participant list clears the search first and asks before leaving.
. "$(dirname "$0")/lib.sh"

make_db 40
CFG="$XDG_CONFIG_HOME/stegvis/config"
cat >"$CFG" <<'CONF'
# mine innstillinger
set mouse on
colour title red
color error magenta default
bind list <F10> back
bind form <F5> save
CONF

start 100 30
wait_for "Deltakere"
wait_for "stegvis/config, linje 3: ukjent kommando «colour» (forventet"
screen | grep -qF "$TMP/config/stegvis" || fail "meldingen nevner ikke filen"

# the mouse: a click on the fourth row selects it (X10 report: button, column, row + 32)
click() { T send-keys -t t -l "$(printf '\033[M%b%b%b' "\\0$(printf %o $((32 + $1)))" "\\0$(printf %o $((33 + $2)))" "\\0$(printf %o $((33 + $3)))")"; }
row4=$(screen | sed -n 8p | cut -c1-20 | sed 's/ *$//')
click 0 5 7; click 3 5 7
n=30
while [ $n -gt 0 ] && ! selected | grep -qF "$row4"; do sleep 0.1; n=$((n - 1)); done
selected | grep -qF "$row4" || fail "et klikk på rad 4 valgte den ikke («$row4»)"
wait_for "4 av 40"
# the wheel scrolls down three rows
click 65 5 7
wait_for "7 av 40"

# a binding from the file: F5 saves a form
keys n
wait_for "Ny: Deltaker"
keys Enter; typ 23039210088; keys Enter
typ "Tesfay Musse"; keys Enter Escape
wait_gone "Enter/Tab ferdig"
keys F5
wait_for "Ikke lagret"
keys Escape
wait_for "Ulagrede endringer"
keys f
wait_for "Søk:"

# Esc on the list: a search is cleared first, then it asks
keys /; typ "zzzz"; keys Enter
wait_for "0 av 0"
keys Escape
wait_for "Søk og filtre er fjernet"
wait_for "av 40"
keys Escape
wait_for "Avslutte stegvis?"
keys n
wait_gone "Avslutte stegvis?"
[ -s "$TMP/exit" ] && fail "Esc avsluttet programmet uten å spørre"
# F10, bound to back in the list, leaves
keys F10
[ "$(wait_exit)" = 0 ] || fail "F10 (bind list <F10> back) avsluttet ikke"
echo "$NAME: ok"
