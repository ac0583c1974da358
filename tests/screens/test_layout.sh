# Form layout as the window changes: labels as wide as the widest that fits (never cut at 18
# characters), the full label in the help line when one must be cut; the footer keeps
# "s/F2 lagre" at 60 columns; growing the window back scrolls the form back; at 30x8 the help
# line never writes over a field.
. "$(dirname "$0")/lib.sh"

make_db 10
sv participant add --fnr 15059010295 --name "Ådne Ås" --permit_on 01.02.2025 --settled_on 15.03.2025 \
    --right_duty rett_plikt --schooling vgs >/dev/null || fail "participant add"
start 100 30
wait_for "Deltakere"
keys /; typ "ådne"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "+ Lag plan"
select_row "+ Lag plan"
keys Enter
wait_for "Ny: Plan"
wait_for "* Samråd med deltaker "
wait_for "  Begrunnelse for forlengelse "
screen | grep -q "Samråd med deltake " && fail "etiketten er kuttet"

# 60 columns: the footer keeps save; a label that must be cut is whole in the help line
T resize-window -t t -x 60 -y 30
wait_for "s/F2 lagre"
T resize-window -t t -x 50 -y 30
select_row "Begrunnelse for forle"
wait_for "Begrunnelse for forlengelse: "

# scrolled in a low window, then grown back: the first field is in sight again
T resize-window -t t -x 100 -y 12
keys End
sleep 0.3
screen | grep -q "Programstart" && fail "skjemaet skulle være rullet i et lavt vindu"
T resize-window -t t -x 100 -y 30
wait_for "* Programstart"

# 30x8: fields and help never on the same row
T resize-window -t t -x 30 -y 8
keys Home
sleep 0.3
screen | sed -n 4p | grep -q "^\* Programstart" || fail "første felt er overskrevet ved 30x8"
screen | sed -n 5p | grep -q "^\* Planlagt" || fail "andre felt er overskrevet ved 30x8"
T resize-window -t t -x 100 -y 30
keys Escape
wait_for "+ Lag plan"
keys Escape
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
