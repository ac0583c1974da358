# Hostile XML given to `check`: external entities (XXE), entity expansion (billion laughs),
# deep nesting and endless input are each refused with a message, and nothing is read from
# the file system or the network.
. "$(dirname "$0")/lib.sh"
NS=urn:stegvis:vedtak:1
cat >"$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE vedtak [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<vedtak xmlns="$NS" versjon="1"><begrunnelse>&x;</begrunnelse></vedtak>
XML
{
    echo '<?xml version="1.0"?><!DOCTYPE vedtak [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    prev=a
    for n in b c d e f g h i j; do
        printf '<!ENTITY %s "' $n; for k in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' $prev; done; echo '">'
        prev=$n
    done
    echo "]><vedtak xmlns=\"$NS\" versjon=\"1\"><begrunnelse>&j;</begrunnelse></vedtak>"
} >"$T/laughs.xml"
printf '<?xml version="1.0"?><!DOCTYPE vedtak [<!ENTITY a "ha"><!ENTITY b "&a;&a;">]><vedtak xmlns="%s">&b;</vedtak>' \
    "$NS" >"$T/small.xml"
{
    printf '<vedtak xmlns="%s">' "$NS"
    i=0; while [ $i -lt 100 ]; do printf '<a>'; i=$((i + 1)); done
    i=0; while [ $i -lt 100 ]; do printf '</a>'; i=$((i + 1)); done
    printf '</vedtak>'
} >"$T/deep.xml"

expect 3 "$BIN" check "$T/xxe.xml"
has "$T/out" "DOCTYPE"
hasnt "$T/out" "root:"
expect 3 "$BIN" check "$T/laughs.xml"
has "$T/out" "feil"
expect 3 "$BIN" check "$T/small.xml"
has "$T/out" "DOCTYPE"
expect 3 "$BIN" check "$T/deep.xml"
has "$T/out" "nøstet dypere"
expect 3 "$BIN" check /dev/zero
has "$T/out" "ikke en vanlig fil"
finish
