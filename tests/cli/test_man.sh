# The manual page renders without warnings and documents every command the program knows.
. "$(dirname "$0")/lib.sh"
MAN="$(dirname "$0")/../../man/stegvis.1"
expect 0 groff -ww -man -Tutf8 "$MAN"
expect 0 test ! -s "$T/err"
"$BIN" help >"$T/help"
for cmd in $(sed -n 's/^  \([a-z]*\) .*/\1/p' "$T/help"); do
    if grep -q "^\.B[I]* \"*$cmd\b" "$MAN" || grep -q "^\.B $cmd\$" "$MAN"; then ok; else bad "command $cmd is not in man/stegvis.1"; fi
done
expect 0 "$BIN" --version
has "$T/out" "stegvis [0-9]"
finish
