# The screens through the installed shared-server program (make install-server), as a real
# Unix user: they work as before, and $EDITOR runs with the user's own rights, never the
# service account's (it cannot read the shared database). Needs root; skipped otherwise.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" -ne 0 ]; then echo "$NAME: skipped: needs root (Unix accounts, a set-user-id program)"; exit 0; fi
for c in useradd userdel runuser; do command -v $c >/dev/null || { echo "$NAME: skipped: $c is missing"; exit 0; }; done
A=svt$$e SVC=svt$$t
W=$(mktemp -d /tmp/stegvis-shared.XXXXXX)
cleanup_all() {
    cleanup
    for u in $A $SVC; do
        id "$u" >/dev/null 2>&1 && userdel "$u" 2>/dev/null
        getent group "$u" >/dev/null && groupdel "$u" 2>/dev/null
    done
    rm -rf "$W"
}
trap cleanup_all EXIT INT TERM
chmod 0755 "$W"
umask 022
I="$W/p/bin/stegvis"
make -s -C "$ROOT" install-server PREFIX="$W/p" STATEDIR="$W/s" SVUSER="$SVC" >"$TMP/make.out" 2>&1 || fail "install-server: $(tail -3 "$TMP/make.out")"
useradd --no-create-home --home-dir "$W/home" --shell /bin/sh "$A" || fail "useradd"
mkdir -p "$W/home" && chown "$A" "$W/home" && chmod 0700 "$W/home"
"$I" init --number 4601 --name Bergen >/dev/null || fail "init"
"$I" user add "$A" adviser --municipality 4601 >/dev/null || fail "user add"
# The editor records whose rights it runs with and whether it can read the database.
cat >"$W/ed.sh" <<ED
#!/bin/sh
{ id -u; id -ru; if cat "$W/s/stegvis.db" >/dev/null 2>&1; then echo kan-lese; else echo kan-ikke-lese; fi; } >"$W/home/ed.out"
printf 'Norsk B1 og førerkort klasse B\n' > "\$1"
ED
chmod 0755 "$W/ed.sh"
rm -f "$TMP/exit"
T has-session -t keep 2>/dev/null || T -f /dev/null new-session -d -s keep -x 20 -y 5 "sleep 600"
T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "runuser -u $A -- env -i PATH=/usr/bin:/bin HOME=$W/home TERM=\$TERM LC_ALL=C.UTF-8 EDITOR=$W/ed.sh STEGVIS_USER=root $I start; echo \$? > '$TMP/exit'; sleep 120"
T set-option -t t remain-on-exit on >/dev/null 2>&1
wait_for "Deltakere"
screen | grep -q "$A" || fail "the status line does not name the real user $A"
keys m
wait_for "1 Arbeidskraftbehov"
keys n
wait_for "Ny: Arbeidskraftbehov"
select_row "Krav"
keys E
wait_for "Norsk B1 og førerkort klasse B"
[ "$(sed -n 1p "$W/home/ed.out")" = "$(id -u "$A")" ] || fail "the editor ran with uid $(sed -n 1p "$W/home/ed.out"), not $A's"
[ "$(sed -n 2p "$W/home/ed.out")" = "$(id -u "$A")" ] || fail "the editor's real uid is not $A's"
[ "$(sed -n 3p "$W/home/ed.out")" = kan-ikke-lese ] || fail "the editor could read the shared database"
keys Escape
wait_for "Ulagrede endringer"
keys f
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
