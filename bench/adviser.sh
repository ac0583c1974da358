#!/bin/sh
# The scripted adviser (`make bench`): tmux drives one whole case through the screens, from a
# new participant to an issued and exported decision, a follow-up, a significant change with
# its new decision, and the final evaluation. Text is typed at 8 characters a second, as a
# person types; every other key (navigation and commands) is counted. Per step it prints the
# keys that are not text, the characters typed, and the time the program itself spent on the
# step's keys (from STEGVIS_KEYLOG: key to refreshed screen, summed), not the typing.
# usage: sh bench/adviser.sh BIN [WORKDIR]   (prints the per-step table, then rows for run.sh
# on fd 3 when it is open: what, figure, target, verdict, RSS, command, separated by \037)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/stegvis-adviser.XXXXXX")}
mkdir -p "$WORK"
DB=$WORK/adviser.db
LOG=$WORK/adviser.keylog
SOCK=stegvis-adviser-$$
CPS=${ADVISER_CPS:-8}
GOAL=150
export STEGVIS_TEMPLATES="$ROOT/templates" STEGVIS_USER=${STEGVIS_USER:-kari}
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config"
unset XDG_DOCUMENTS_DIR NO_COLOR EDITOR VISUAL STEGVIS_DB
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in *UTF-8* | *utf8*) ;; *) export LC_ALL=C.UTF-8 ;; esac
T() { tmux -L "$SOCK" "$@"; }
trap 'T kill-server 2>/dev/null' EXIT
DELAY=$(awk -v c="$CPS" 'BEGIN { printf "%.3f", 1 / c }')

screen() { T capture-pane -p -t a; }
die() { echo "adviser: FEIL i steg «$STEP»: $*" >&2; screen >&2; exit 1; }
wait_for() {
    n=$(( ${2:-15} * 20 ))
    while [ $n -gt 0 ]; do screen | grep -qF -- "$1" && return 0; sleep 0.05; n=$((n - 1)); done
    die "ventet på «$1»"
}
lines() { if [ -f "$LOG" ]; then wc -l <"$LOG"; else echo 0; fi; }
# one key, then wait until the program has handled it (logged it)
send() {
    before=$(lines)
    T send-keys -t a "$@"
    n=200
    while [ "$(lines)" -le "$before" ] && [ $n -gt 0 ]; do sleep 0.01; n=$((n - 1)); done
}
NAV=0 TXT=0
# nav KEY...: keys that are not text
nav() { for k in "$@"; do send -- "$k"; NAV=$((NAV + 1)); done; }
# txt TEXT: typed one character at a time at CPS characters a second
txt() {
    printf '%s' "$1" | awk 'BEGIN { RS = "" } { n = split($0, c, ""); for (i = 1; i <= n; i++) print c[i] }' >"$WORK/chars"
    while IFS= read -r c; do
        send -l -- "$c"
        TXT=$((TXT + 1))
        sleep "$DELAY"
    done <"$WORK/chars"
}
# down_to TEXT: ↓ until the highlighted row holds TEXT (the keys a user presses to get there)
selected() { T capture-pane -e -p -t a | grep -aE "$(printf '\033')\[([0-9]*;)*7m" | sed "s/$(printf '\033')\[[0-9;]*m//g"; }
down_to() {
    i=0
    while ! selected | grep -qF -- "$1"; do
        [ $i -lt 40 ] || die "fant ikke raden «$1»"
        nav Down
        i=$((i + 1))
    done
}

ROWS_OUT=$WORK/steps
: >"$ROWS_OUT"
STEP=start
step_begin() { STEP=$1; S_NAV=$NAV; S_TXT=$TXT; S_LINE=$(lines); S_T0=$(date +%s.%N); }
step_end() {
    us=$(tail -n +"$((S_LINE + 1))" "$LOG" | awk -F'\t' '{ s += $3 } END { printf "%.0f", s }')
    wall=$(awk -v a="$S_T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    printf '%s\t%d\t%d\t%s\t%s\n' "$STEP" $((NAV - S_NAV)) $((TXT - S_TXT)) "$us" "$wall" >>"$ROWS_OUT"
}

TODAY=$(date +%d.%m.%Y)
SETTLED=$(date -d '-1 month' +%d.%m.%Y)
PERMIT=01.12.2020
END=$(date -d '+22 months' +%d.%m.%Y)
LATER=$(date -d '+23 months' +%d.%m.%Y)

rm -f "$DB" "$DB-wal" "$DB-shm" "$LOG"
"$BIN" --db "$DB" demo --participants 20 >/dev/null || die "demo"
T -f /dev/null new-session -d -s a -x 120 -y 40 \
    "env STEGVIS_KEYLOG='$LOG' /usr/bin/time -f %M -o '$WORK/rss' '$BIN' --db '$DB' start; sleep 60"
wait_for "Deltakere"
WALL0=$(date +%s.%N)

step_begin "1 ny deltaker"
nav n
wait_for "Ny: Deltaker"
nav Enter; txt 23039210088; nav Enter
txt "Tesfay Gebremariam Musse"; nav Enter
nav Enter
txt "tigrinja, arabisk"; nav Enter
txt ja; nav Enter
txt tigrinja; nav Enter
txt "$PERMIT"; nav Enter
txt "$SETTLED"; nav Enter
txt "rett og"; nav Enter
txt grunn; nav Enter
nav F2
wait_for "Deltaker er lagret."
wait_for "Mangler: kartlegging"
step_end

step_begin "2 kartlegging"
down_to "+ Registrer kartlegging"
nav Enter
wait_for "Ny: Kartlegging"
nav Enter; txt "$TODAY"; nav Enter
nav Enter; wait_for "Skriv: Utdanning"
txt "Ni års skolegang i Eritrea, avsluttet grunnskole. Ingen formell yrkesutdanning."
nav C-x
nav Enter; wait_for "Skriv: Arbeidserfaring"
txt "Fire år som sjåfør og to år som lagerarbeider i Sudan."
nav C-x
nav Enter; txt A1; nav Enter
nav F2
wait_for "Kartlegging er lagret."
step_end

step_begin "3 opplæringsbehov"
down_to "+ Nytt opplæringsbehov"
nav Enter
wait_for "Ny: Opplæringsbehov"
nav Enter; txt norsk; nav Enter
txt "Norsk for arbeid i lager og logistikk"; nav Enter
nav F2
wait_for "Opplæringsbehov er lagret."
step_end

step_begin "4 plan"
down_to "+ Lag plan"
nav Enter
wait_for "Ny: Plan"
nav Enter; txt "$TODAY"; nav Enter
txt "$END"; nav Enter
txt arbeid; nav Enter
nav Enter; wait_for "Skriv: Sluttmål beskrevet"
txt "Fast jobb som lagermedarbeider i Fjordvik."
nav C-x
nav Enter; txt A2; nav Enter
txt 75; nav Enter
txt "$TODAY"; nav Enter
txt ja; nav Enter
txt nei; nav Enter
nav Enter; wait_for "Skriv: Begrunnelse"
txt "Tesfay har arbeidet som sjåfør og på lager og vil tilbake til logistikk. Kartleggingen viser at norsk er det som står i veien, så planen gir norsk rettet mot lager og praksis hos en lagerbedrift."
nav C-x
nav F2
wait_for "Plan er lagret."
step_end

step_begin "5 tidsfase og tiltak"
down_to "+ Ny tidsfase"
nav Enter
wait_for "Ny: Tidsfase"
nav Enter; txt "Norsk og praksis"; nav Enter
txt "$TODAY"; nav Enter
txt "$END"; nav Enter
nav Enter; wait_for "Skriv: Begrunnelse for fasen"
txt "Ett samlet løp: norsk og praksis går side om side hele programmet."
nav C-x
nav F2
wait_for "Tidsfase er lagret."
down_to "+ Tiltak i fasen"
nav Enter
wait_for "Ny: Tiltak i fase"
nav Enter
wait_for "t/uke"
nav Enter
nav Down Enter
wait_for "Norsk for arbeid i lager"
nav Enter
nav Down Enter
txt 37,5; nav Enter
nav F2
wait_for "Tiltak i fase er lagret."
step_end

step_begin "6 vedtak fattet og eksportert"
nav v
wait_for "0 brudd"
nav F
wait_for "Fatt vedtak"
nav j
wait_for "Vedtaket er fattet"
nav x
wait_for "Eksporter vedtaket til fil"
nav Enter
wait_for "arkivmelding i"
nav Escape
wait_for "Plan: Vedtatt"
step_end

step_begin "7 oppfølging"
nav Right
wait_for "+ Ny oppfølging"
down_to "+ Ny oppfølging"
nav Enter
wait_for "Ny: Oppfølging"
nav Enter; txt "$TODAY"; nav Enter
txt arbeidsg; nav Enter
nav Enter; wait_for "Skriv: Notat"
txt "Praksisplassen på lageret er i gang. God start, trenger mer norsk om sikkerhet."
nav C-x
nav F2
wait_for "Oppfølging er lagret."
step_end

step_begin "8 vesentlig endring og nytt vedtak"
nav Left
down_to "Plan $TODAY"
nav Enter
wait_for "Endre: Plan"
nav Down Enter C-u; txt "$LATER"; nav F2
wait_for "Plan er lagret."
down_to "Fase: Norsk"
nav Enter
wait_for "Endre: Tidsfase"
nav Down Down Enter C-u; txt "$LATER"; nav F2
wait_for "Tidsfase er lagret."
nav v
wait_for "Vedtak om vesentlig endring"
wait_for "BRUDD K5"
# the cursor starts on the finding; Enter on it opens the field that fixes it (the reason)
nav Enter
wait_for "Skriv: Grunn til vedtaket"
txt "Praksisen forlenges med en måned etter avtale med arbeidsgiver i oppfølgingen."
nav C-x
wait_for "0 brudd"
nav F
wait_for "Fatt vedtak"
nav j
wait_for "Vedtaket er fattet"
nav x
wait_for "Eksporter vedtaket til fil"
nav Enter
wait_for "arkivmelding i"
nav Escape
wait_for "Plan: Vedtatt"
step_end

step_begin "9 sluttevaluering"
nav 7
down_to "+ Registrer sluttevaluering"
nav Enter
wait_for "Ny: Sluttevaluering"
nav Enter; txt "$TODAY"; nav Enter
txt arbeid; nav Enter
txt arbeid; nav Enter
txt "$TODAY"; nav Enter
nav Enter; wait_for "Skriv: Overføringsnotat"
txt "Fast ansatt på lageret fra neste måned. NAV følger opp med norsk på arbeidsplassen."
nav C-x
nav F2
wait_for "Sluttevaluering er lagret."
nav Escape
wait_for "Søk:"
nav q
step_end

n=100
while [ ! -s "$WORK/rss" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
RSS=$(($(tail -1 "$WORK/rss" 2>/dev/null || echo 0) / 1024))
ls "$HOME"/vedtak-*[0-9a-f].xml >/dev/null 2>&1 || die "ingen eksportert vedtaksfil"
[ "$(ls "$HOME"/vedtak-*[0-9a-f].xml | wc -l)" -ge 2 ] || die "det andre vedtaket ble ikke eksportert"

printf '\nscripted adviser: one case through the screens, text at %s characters a second\n' "$CPS"
printf '%-40s %10s %10s %14s %10s\n' "step" "nav keys" "text chars" "program ms" "wall s"
awk -F'\t' '{ printf "%-40s %10d %10d %14.1f %10s\n", $1, $2, $3, $4 / 1000, $5; n += $2; t += $3; u += $4 }
    END { printf "%-40s %10d %10d %14.1f\n", "whole case", n, t, u / 1000 }' "$ROWS_OUT"
TOTAL_NAV=$(awk -F'\t' '{ n += $2 } END { print n }' "$ROWS_OUT")
TOTAL_MS=$(awk -F'\t' '{ u += $4 } END { printf "%.0f", u / 1000 }' "$ROWS_OUT")
MAX_KEY=$(cut -f3 "$LOG" | sort -n | tail -1)
v=$(awk -v n="$TOTAL_NAV" -v g="$GOAL" 'BEGIN { print n < g ? "ok" : "MISSED" }')
if { true >&3; } 2>/dev/null; then
    printf '%s\037%s\037%s\037%s\037%s\037%s\n' "adviser: whole case, navigation keys" "$TOTAL_NAV keys ($TXT text chars)" "<$GOAL" "$v" "$RSS" "sh bench/adviser.sh $BIN" >&3
    printf '%s\037%s\037%s\037%s\037%s\037%s\n' "adviser: program time, whole case" "$TOTAL_MS ms (slowest key $((MAX_KEY / 1000)) ms)" "-" "-" "$RSS" "STEGVIS_KEYLOG=$LOG" >&3
fi
