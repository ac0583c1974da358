# bash completion offers commands, types and a type's field options from the program itself.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/bin"
ln -s "$BIN" "$T/bin/stegvis"
complete_words() {
    PATH="$T/bin:$PATH" bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _stegvis; printf "%s\n" "${COMPREPLY[@]}"' _ "$(dirname "$0")/../../cli/stegvis.bash" "$@"
}
complete_words stegvis li >"$T/c1"
has "$T/c1" "^list$"
complete_words stegvis add pl >"$T/c2"
has "$T/c2" "^plan$"
has "$T/c2" "^plan_measure$"
complete_words stegvis add plan --st >"$T/c3"
has "$T/c3" "^--start-on$"
complete_words stegvis add plan --par >"$T/c4"
has "$T/c4" "^--participant$"
complete_words stegvis catalog im >"$T/c5"
has "$T/c5" "^import$"
complete_words stegvis catalog export --o >"$T/c6"
has "$T/c6" "^--out$"
finish
