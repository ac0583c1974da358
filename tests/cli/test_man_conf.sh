# stegvis.conf(5) renders without warnings, is installed by `make install`, and names every
# keymap and action the screens accept (the list in tui/settings.c and the key tables' names).
. "$(dirname "$0")/lib.sh"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MAN="$ROOT/man/stegvis.conf.5"
expect 0 groff -ww -man -Tutf8 "$MAN"
col -b <"$T/out" >"$T/page"
expect 0 test ! -s "$T/err"
has "$T/page" "set export.dir directory"
for km in generic list case form decision checklist deadlines history municipality users; do
    grep -q "\"$km\"" "$ROOT/tui/settings.c" || bad "keymap $km is documented but not in tui/settings.c"
    grep -q "$km" "$MAN" || bad "keymap $km is not in stegvis.conf.5"
done
for req in $(grep -ho ', "[a-z-]*"},$' "$ROOT"/tui/list.c "$ROOT"/tui/casescr.c "$ROOT"/tui/form.c "$ROOT"/tui/decision.c | sed 's/[^a-z-]//g'); do
    grep -q "^\.BR* $(printf %s "$req" | sed 's/-/\\\\-/g')" "$MAN" || bad "action $req is not in stegvis.conf.5"
done
ok
case "$BIN" in *san*) ;; *)
    expect 0 make -s -C "$ROOT" install PREFIX="$T/p"
    expect 0 groff -ww -man -Tutf8 "$T/p/share/man/man5/stegvis.conf.5"
    expect 0 test ! -s "$T/err"
    expect 0 make -s -C "$ROOT" uninstall PREFIX="$T/p"
    expect 1 test -e "$T/p/share/man/man5/stegvis.conf.5" ;;
esac
finish
