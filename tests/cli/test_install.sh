# `make install PREFIX=...` gives a program that finds its templates, catalogue and manual
# wherever PREFIX is, and works in nynorsk from there.
. "$(dirname "$0")/lib.sh"
TOP="$(cd "$(dirname "$0")/../.." && pwd)"
case "$BIN" in *san*) echo "test_install: 0 passed, 0 failed (runs with the normal build)"; exit 0 ;; esac
unset STEGVIS_TEMPLATES
P="$T/p"
expect 0 make -s -C "$TOP" install PREFIX="$P"
for f in bin/stegvis share/man/man1/stegvis.1 share/stegvis/vedtak.xsd share/locale/nn/LC_MESSAGES/stegvis.mo \
         share/stegvis/rules/integreringsloven.xml share/bash-completion/completions/stegvis; do
    expect 0 test -f "$P/$f"
done
I="$P/bin/stegvis"
expect 0 "$I" --db "$T/i.db" demo --participants 30
ID=$(sqlite3 "$T/i.db" "SELECT participant_id FROM decision ORDER BY id LIMIT 1")
expect 0 "$I" --db "$T/i.db" export "$ID" --out "$T/v.xml"
expect 0 xmllint --noout --schema "$P/share/stegvis/vedtak.xsd" "$T/v.xml"
STEGVIS_LANG=nn expect 1 "$I" --db "$T/i.db" participant add --fnr 123 --name X
has "$T/err" "må vere 11 siffer"
expect 0 groff -ww -man -Tutf8 "$P/share/man/man1/stegvis.1"
expect 0 make -s -C "$TOP" uninstall PREFIX="$P"
expect 1 test -e "$P/bin/stegvis"
finish
