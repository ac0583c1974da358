#!/bin/sh
# The documents that leave the program (issue 13), measured side by side in one run:
#  - one decision letter as PDF/A-2b in process (bench_letter: warm-up, median of 15),
#  - the whole `stegvis letter N --pdf` command (warm-up, median of 15): under 50 ms,
#  - LibreOffice converting the same letter from an OpenDocument text (warm-up, median of 5),
#    with the ratio; Debian's libreoffice-writer-nogui is installed for this only, never for
#    building or testing,
#  - `export --all --package` over every decision of a municipality of 7,000 participants (at
#    least 5,000 decisions): time and peak memory.
# Usage: sh bench/letter.sh STEGVIS DB WORKDIR; rows on fd 3 (what, figure, target, verdict, RSS,
# command, separated by \037), as bench/adviser.sh writes them; without fd 3 on standard output.
set -u
BIN=$1; DB=$2; W=$3
BL=./build/bench/bench_letter
mkdir -p "$W"
# Absolute: LibreOffice takes its profile as a file:// URL, where a relative path names a host
# and soffice waits for ever (bench/run.sh passes a relative directory).
W=$(cd "$W" && pwd)
if { true >&3; } 2>/dev/null; then OUT=3; else OUT=1; fi
row() { printf '%s\037%s\037%s\037%s\037%s\037%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >&$OUT; }
lt() { awk -v v="$1" -v l="$2" 'BEGIN { print (v + 0 < l + 0) ? "ok" : "MISSED" }'; }
# secs and peak RSS (MB) of a command, appended to FILE: timed FILE CMD... bench_run takes
# them from around the spawned command itself (bench/bench_run.c); without it, from the clock
# around /usr/bin/time, which counts that program's own start too (/usr/bin/time's %e is in
# hundredths, too coarse for a 40 ms command and for the ratio against LibreOffice).
BR=./build/bench/bench_run
timed() {
    f=$1; shift
    if [ -x "$BR" ]; then
        "$BR" "$f" "$@" >"$W/out" 2>"$W/err"
        return
    fi
    t0=$(date +%s%N)
    /usr/bin/time -f "%e %M" -o "$W/t" "$@" >"$W/out" 2>"$W/err" || return 1
    t1=$(date +%s%N)
    tail -1 "$W/t" | awk -v ns=$((t1 - t0)) '{ printf "%.6f %d\n", ns / 1e9, $2 / 1024 }' >>"$f"
}
median() { sort -n "$1" | awk '{ s[NR] = $1 } END { print s[int((NR + 1) / 2)] }'; }
peak() { sort -k2 -n "$1" | tail -1 | cut -d' ' -f2; }

# The participant of the municipality's first issued decision that has a postal address.
PID=$(sqlite3 "$DB" "SELECT d.participant_id FROM decision d JOIN participant p ON p.id = d.participant_id
                     WHERE ifnull(p.street, '') <> '' AND ifnull(p.postcode, '') <> '' ORDER BY d.id LIMIT 1")
if [ -z "$PID" ]; then
    row "letter: one decision as PDF/A" "no decision with a postal address in $DB" "<50 ms" "MISSED" "-" "$BIN --db $DB list"
    exit 0
fi

core_ms=-
if [ -x "$BL" ] && "$BL" "$DB" "$PID" 15 >"$W/bl" 2>"$W/blerr"; then
    core_ms=$(sed -n 's/^letter_median_ms //p' "$W/bl")
    row "letter: one decision as PDF/A-2b (core)" "$core_ms ms median of 15" "<50 ms" "$(lt "$core_ms" 50)" "-" "$BL $DB $PID 15"
else
    row "letter: one decision as PDF/A-2b (core)" "failed: $(head -c 60 "$W/blerr" 2>/dev/null)" "<50 ms" "MISSED" "-" "$BL $DB $PID 15"
fi

pcmd="$BIN --db $DB letter $PID --pdf $W/letter.pdf"
rm -f "$W/letter.pdf"
$BIN --db "$DB" letter "$PID" --pdf "$W/letter.pdf" >/dev/null 2>&1   # warm-up (and a migration)

# The same letter as Flat OpenDocument text: its lines, as `stegvis letter` writes them.
$BIN --db "$DB" letter "$PID" >"$W/letter.txt" 2>/dev/null
{
    printf '<?xml version="1.0" encoding="UTF-8"?>\n'
    printf '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    printf ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
    printf ' office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>\n'
    sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's|.*|<text:p>&</text:p>|' "$W/letter.txt"
    printf '</office:text></office:body></office:document>\n'
} >"$W/letter.fodt"
lo=
if [ -n "${BENCH_NO_LIBREOFFICE:-}" ]; then
    lo_said="skipped (BENCH_NO_LIBREOFFICE)"; lo_verdict=-
elif sh tests/deps.sh libreoffice-writer-nogui >"$W/lo-install" 2>&1 && command -v soffice >/dev/null; then
    lo=1
    lcmd="soffice --headless --convert-to pdf --outdir $W/lo $W/letter.fodt"
    prof="-env:UserInstallation=file://$W/lo-profile"
    # warm-up: the profile; never more than two minutes a conversion, whatever LibreOffice does
    timeout 120 soffice "$prof" --headless --convert-to pdf --outdir "$W/lo" "$W/letter.fodt" >/dev/null 2>&1
else
    lo_said="not installed: $(tail -1 "$W/lo-install")"; lo_verdict=MISSED
fi

# Side by side: five rounds of one LibreOffice conversion and three letters, so both are timed
# in the same minutes of a machine whose speed varies (a shared host): the medians of 15
# letters and of 5 conversions, and their ratio.
: >"$W/p"
: >"$W/l"
for i in 1 2 3 4 5; do
    if [ -n "$lo" ]; then
        rm -f "$W/lo/letter.pdf"
        timed "$W/l" timeout 120 soffice "$prof" --headless --convert-to pdf --outdir "$W/lo" "$W/letter.fodt" ||
            cp "$W/err" "$W/lo-err"
    fi
    for j in 1 2 3; do rm -f "$W/letter.pdf"; timed "$W/p" $BIN --db "$DB" letter "$PID" --pdf "$W/letter.pdf"; done
done
if [ -s "$W/p" ] && [ -s "$W/letter.pdf" ]; then
    p_s=$(median "$W/p")
    p_ms=$(awk -v s="$p_s" 'BEGIN { printf "%.1f", s * 1000 }')
    row "letter: whole command, open to file" "$p_ms ms median of 15" "<50 ms" "$(lt "$p_ms" 50)" "$(peak "$W/p")" "$pcmd"
else
    row "letter: whole command, open to file" "failed: $(head -c 60 "$W/err")" "<50 ms" "MISSED" "-" "$pcmd"
    exit 0
fi
if [ -z "$lo" ]; then
    row "LibreOffice: the same letter, .fodt to PDF" "$lo_said" "-" "$lo_verdict" "-" "sh tests/deps.sh libreoffice-writer-nogui"
elif [ -s "$W/l" ] && [ -s "$W/lo/letter.pdf" ]; then
    l_s=$(median "$W/l")
    row "LibreOffice: the same letter, .fodt to PDF" "$(awk -v s="$l_s" 'BEGIN { printf "%.0f", s * 1000 }') ms median of 5" \
        "-" "-" "-" "$lcmd"
    ratio=$(awk -v a="$l_s" -v b="$p_s" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    row "LibreOffice / stegvis letter (whole command)" "${ratio}x" ">=20x" \
        "$(awk -v r="$ratio" 'BEGIN { print (r >= 20) ? "ok" : "MISSED" }')" "-" "the two above"
else
    row "LibreOffice: the same letter, .fodt to PDF" "failed: $(head -c 60 "$W/lo-err" 2>/dev/null)" "-" "MISSED" "-" "$lcmd"
fi

# The archive package of every decision (tmpfs when there is one, as for the export above), over
# a municipality with at least 5,000 decisions (issue 13): the 5,000-participant demo has about
# 3,600, so this one is made of 7,000 participants.
PKDB=$W/package.db
PKN=${BENCH_PACKAGE_PARTICIPANTS:-7000}
rm -f "$PKDB" "$PKDB-wal" "$PKDB-shm"
$BIN --db "$PKDB" demo --participants "$PKN" --seed 1 >/dev/null 2>&1 || PKDB=$DB
if [ -d /dev/shm ] && [ -w /dev/shm ]; then pk=/dev/shm/stegvis-package.$$; else pk=$W/package; fi
rm -rf "$pk"
: >"$W/k"
kcmd="$BIN --db $PKDB export --all --package $pk"
if timed "$W/k" $BIN --db "$PKDB" export --all --package "$pk"; then
    n=$(find "$pk" -name arkivmelding.xml | wc -l)
    k_s=$(median "$W/k" | awk '{ printf "%.2f", $1 }'); k_mb=$(peak "$W/k")
    row "export --all --package: $n decisions" "$k_s s, $(awk -v n="$n" -v s="$k_s" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }') per s" \
        "<64 MB" "$(lt "$k_mb" 64)" "$k_mb" "$kcmd"
else
    row "export --all --package" "failed: $(head -c 60 "$W/err")" "<64 MB" "MISSED" "-" "$kcmd"
fi
rm -rf "$pk"
[ "$PKDB" = "$DB" ] || rm -f "$PKDB" "$PKDB-wal" "$PKDB-shm"
