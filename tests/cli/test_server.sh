# One server for the whole office (issue 10), as a municipality would deploy it: as root,
# `make install-server` into a scratch PREFIX and STATEDIR with its own service account, then
# two real Unix accounts: one registered as an adviser of 4601 who does a whole case through
# the installed program, one not registered who gets nothing. Neither can open the database
# with sqlite3, and no environment trick (STEGVIS_USER, STEGVIS_DB, STEGVIS_TEMPLATES,
# STEGVIS_LOCALEDIR, TMPDIR) changes whose identity is used or which files are opened.
. "$(dirname "$0")/lib.sh"
TOP="$(cd "$(dirname "$0")/../.." && pwd)"
case "$BIN" in *san*) echo "test_server: 0 passed, 0 failed (runs once, with the normal build)"; exit 0 ;; esac
if [ "$(id -u)" -ne 0 ]; then
    echo "test_server: skipped: needs root (it creates Unix accounts and installs a set-user-id program)"
    exit 0
fi
for c in useradd userdel runuser sqlite3; do
    command -v $c >/dev/null || { echo "test_server: skipped: $c is missing"; exit 0; }
done
# Unique names per run: colleagues run the suite at the same time.
A=svt$$a B=svt$$b SVC=svt$$s
W=$(mktemp -d /tmp/stegvis-server.XXXXXX)
cleanup() {
    for u in $A $B $SVC; do id "$u" >/dev/null 2>&1 && userdel "$u" 2>/dev/null; done
    for g in $A $B $SVC; do getent group "$g" >/dev/null && groupdel "$g" 2>/dev/null; done
    rm -rf "$W" "$T"
}
trap cleanup EXIT INT TERM HUP
chmod 0755 "$W"
umask 022
P="$W/p" S="$W/s" I="$W/p/bin/stegvis"
DB="$S/stegvis.db"
# as USER CMD...: runs CMD as the Unix user in a clean environment plus the variables given
# before it (VAR=value ...), from the user's home.
as() {
    u=$1; shift
    runuser -u "$u" -- env -i PATH=/usr/bin:/bin HOME="$W/home-$u" LC_ALL=C.UTF-8 sh -c 'cd "$HOME" && exec env "$@"' as "$@"
}

expect 0 make -s -C "$TOP" install-server PREFIX="$P" STATEDIR="$S" SVUSER="$SVC"
expect 0 test -u "$I"
expect 0 test "$(stat -c '%U %a' "$I")" = "$SVC 4755"
expect 0 test "$(stat -c '%U %a' "$S")" = "$SVC 700"
for u in $A $B; do
    expect 0 useradd --no-create-home --home-dir "$W/home-$u" --shell /bin/sh "$u"
    mkdir -p "$W/home-$u" && chown "$u" "$W/home-$u" && chmod 0700 "$W/home-$u"
done

# Only root creates the shared database (whoever creates one is its administrator).
expect 1 as $B "$I" init --number 4601 --name Bergen
has "$T/err" "opprettes av root"
expect 1 test -e "$DB"
expect 0 "$I" init --number 4601 --name Bergen
expect 0 "$I" user add $A adviser --municipality 4601
expect 0 test "$(stat -c '%U %a' "$DB")" = "$SVC 600"

# The adviser does a whole case, with a hostile environment that must change nothing: the
# templates and translations it points at are empty, the database it names does not exist.
mkdir -p "$W/home-$A/fake/locale/nn/LC_MESSAGES" && printf 'msgid "%%s nr. %%lld er lagret.\\n"\nmsgstr "LURT\\n"\n' |
    msgfmt -o "$W/home-$A/fake/locale/nn/LC_MESSAGES/stegvis.mo" -
chown -R $A "$W/home-$A/fake"
EVIL="STEGVIS_USER=root STEGVIS_DB=$W/home-$A/own.db STEGVIS_TEMPLATES=$W/home-$A/fake STEGVIS_LOCALEDIR=$W/home-$A/fake/locale STEGVIS_LANG=nn TMPDIR=$S"
R() { as $A $EVIL "$I" "$@"; }
expect 0 R add unit --municipality 4601 --kind flyktningtjeneste --name Flyktningtenesta
for m in "norsk Norskopplæring voksenopplaering utdanning" "samfunnskunnskap Samfunnskunnskap voksenopplaering utdanning" \
         "livsmestring Livsmeistring flyktningtjeneste begge" "arbeidspraksis Arbeidspraksis nav arbeid"; do
    set -- $m
    expect 0 R add measure --municipality 4601 --kind "$1" --name "$2" --provider "$3" --orientation "$4" --hours 10 \
        --status eksisterende --description "Tiltak i katalogen."
done
expect 0 R participant add --fnr 01019010399 --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole --interpreter nei
hasnt "$T/out" "LURT"
expect 0 R add assessment --participant 1 --assessed-on 10.03.2025 --education "Ni års skolegang." \
    --work-experience "Butikk, to år." --language-level A1 --career-on 12.03.2025 --career-advice "Handel."
for nd in "norsk Norsk_til_B1" "arbeid Praksis_i_handel" "samfunn Samfunnskunnskap"; do
    set -- $nd
    expect 0 R add need --participant 1 --area "$1" --description "$(echo "$2" | tr _ ' ')"
done
expect 0 R add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb som butikkmedarbeider i Bergen" --norwegian-goal B1 --social-hours 75 \
    --consulted-on 25.03.2025 --justification "Deltakeren har ni års skolegang og erfaring fra butikk. Handelen i Bergen trenger folk; norsk til B1 og praksis i butikk gir en realistisk vei til fast jobb."
expect 0 R add phase --plan 1 --name "Norsk og praksis" --start-on 01.04.2025 --end-on 31.03.2026
expect 0 R add phase --plan 1 --name "Arbeidspraksis" --start-on 01.04.2026 --end-on 31.03.2027
for pm in "1 1 1 20" "1 2 3 3" "1 3 3 2" "1 4 2 12,5" "2 1 1 10" "2 4 2 27,5"; do
    set -- $pm
    expect 0 R add plan_measure --phase "$1" --measure-id "$2" --need-id "$3" --hours "$4"
done
# the integration contract of the plan (integreringsloven § 16)
expect 0 R contract set 1 --participant-commits "Delta i norsk og praksis, melde fravær." \
    --municipality-commits "Norskkurs, praksisplass og oppfølging hver måned." --signed 26.03.2025
expect 0 R decide 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes
expect 0 R export 1 --out v1.xml
expect 0 test "$(stat -c '%U %a' "$W/home-$A/v1.xml")" = "$A 600"
expect 0 R letter 1 --out brev.txt
expect 0 test "$(stat -c %U "$W/home-$A/brev.txt")" = "$A"
expect 0 R check v1.xml
expect 0 R list --tsv
has "$T/out" "Løvås"
expect 1 test -e "$W/home-$A/own.db"
# Everything is recorded under the adviser's own login, nothing under the one they named.
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE login = 'root' AND tbl NOT IN ('municipality', 'users')")" -eq 0
expect 0 test "$(sqlite3 "$DB" "SELECT count(DISTINCT login) FROM audit WHERE tbl = 'decision'")" -eq 1
expect 0 test "$(sqlite3 "$DB" "SELECT login FROM audit WHERE tbl = 'decision' LIMIT 1")" = "$A"
# A file the adviser cannot read stays unreadable through stegvis.
echo "secret" >"$W/rootonly.tsv" && chmod 0600 "$W/rootonly.tsv"
expect 1 R catalog import "$W/rootonly.tsv" --municipality 4601
R check "$S/stegvis.db" >"$T/out" 2>"$T/err"
if [ $? -ne 0 ] && ! grep -q "Løvås" "$T/out" "$T/err"; then ok; else bad "check read the shared database for the adviser"; fi

# The stranger gets nothing, whatever they set.
for env in "" "STEGVIS_USER=root" "STEGVIS_USER=$A" "STEGVIS_DB=$W/home-$B/own.db" "STEGVIS_TEMPLATES=$W/home-$A/fake"; do
    expect 1 as $B $env "$I" list
    has "$T/err" "ikke registrert"
    has "$T/err" "Be en administrator i kommunen din"
    hasnt "$T/err" "root"
done
expect 1 as $B STEGVIS_USER=root "$I" user add $B administrator
expect 1 as $B "$I" show 1
hasnt "$T/out" "Løvås"
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE login = '$B'")" -eq 0
# Refusals of a stranger: one row a day.
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'access' AND login = '$B'")" -eq 1
# --db with the shared file: the program gives up its rights first, so the file stays shut.
expect 1 as $B "$I" --db "$DB" list

# Every file a command writes for the user is the user's, created with the user's rights: a
# path only the service account may write (the state directory, the database itself) is
# refused and nothing there changes (verify --out, results --csv/--pdf, checklist --pdf,
# nir --export). The second user becomes the municipality's administrator for verify.
expect 0 "$I" user add $B administrator --municipality 4601
expect 0 R add evaluation --participant 1 --evaluated-on 02.11.2026 --outcome arbeid --end-reason arbeid
writes() {   # writes USER PATH: every writer once, into PATH.suffix
    w=$1 o=$2
    if [ "$w" = "$B" ]; then expect "$3" as $w "$I" verify --out "$o.verify"; return; fi
    expect "$3" as $w "$I" results --municipality 4601 --year 2026 --pdf "$o.pdf"
    expect "$3" as $w "$I" checklist --municipality 4601 --pdf "$o.checklist.pdf"
    expect "$3" as $w "$I" nir --export "$o.nir"
}
for u in $A $B; do
    writes $u "$W/home-$u/out" 0
    for f in "$W/home-$u"/out.*; do
        expect 0 test "$(stat -c '%U %a' "$f")" = "$u 600"
    done
    writes $u "$S/evil" 1
    expect 0 test -z "$(ls -A "$S" | grep -v '^stegvis.db')"
done
expect 1 as $B "$I" verify --out "$DB"
expect 1 as $A "$I" results --municipality 4601 --year 2026 --pdf "$DB"
expect 1 as $A "$I" nir --export "$DB"
expect 0 test "$(stat -c '%U %a' "$DB")" = "$SVC 600"
expect 0 test -z "$(ls -A "$S" | grep -v '^stegvis.db')"
expect 0 "$I" list
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM participant")" -eq 1

# Nobody opens the database with another program.
for u in $A $B; do
    expect 1 as $u sqlite3 "$DB" "SELECT count(*) FROM participant"
    expect 1 as $u cat "$DB"
done

# Backups for the administrator are the administrator's files; restore reads theirs. A
# private copy left by a killed backup (its process gone) is removed by the next one.
cp "$DB" "$S/.stegvis-copy-99999999.db" && chown "$SVC" "$S/.stegvis-copy-99999999.db"
expect 0 "$I" backup "$W/copy.db"
expect 0 test "$(stat -c '%U %a' "$W/copy.db")" = "root 600"
# the audit log names the administrator's file, not the private copy
expect 0 "$I" audit --limit 1
has "$T/out" "$W/copy.db"
hasnt "$T/out" "stegvis-copy"
expect 0 "$I" restore "$W/copy.db" --yes
expect 1 R backup "$W/home-$A/mine.db"
expect 0 test -z "$(ls -A "$S" | grep -v '^stegvis.db')"

# A database left readable by others is refused with the fix, not used.
chmod 0644 "$DB"
expect 1 R list
has "$T/err" "chmod 600"
chmod 0600 "$DB"
expect 0 R list
finish
