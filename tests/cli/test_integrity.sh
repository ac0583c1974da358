# Integrity of the history and durable saves, from the command line: a confirmed save is
# synced to disk before it is confirmed.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }

expect 0 S init --number 4601 --name Bergen
expect 0 S participant add --fnr 01019010399 --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole

# Durable saves: the last write to the WAL before the confirmation is followed by a sync of the
# WAL, also before the confirmation (synchronous=NORMAL syncs only at the later checkpoint).
if strace -f -o /dev/null true 2>/dev/null; then
    expect 0 strace -f -y -e trace=fsync,fdatasync,pwrite64,write -o "$T/trace" env ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 stdbuf -oL \
        "$BIN" --db "$DB" edit participant 1 --name "Åse Nordmann"
    has "$T/out" "er endret"
    expect 0 grep -Eq "(fsync|fdatasync)\(" "$T/trace"
    expect 0 awk '/pwrite64\([0-9]+<[^>]*-wal>/ { synced = 0 }
        /(fsync|fdatasync)\([0-9]+<[^>]*-wal>/ { synced = 1 }
        /write\(1</ && /er endret/ { found = 1; exit synced ? 0 : 1 }
        END { if (!found) exit 1 }' "$T/trace"
else
    echo "test_integrity: strace cannot trace here (ptrace not permitted); sync check not run" >&2
fi

# The history, tried as root with plain sqlite3. A good database verifies; its backup carries
# the chain head.
expect 0 S demo --participants 5 --seed 7
# a notification recorded after decision 1 (the day its appeal deadline runs from)
expect 0 S notify 1 --notify-method post --notified "$(date +%d.%m.%Y)" --note "Levert i posten"
# an advance notice of a stop, the participant's answer, and an appeal against decision 1
expect 0 S forewarn send --participant 1 --kind stans --sent "$(date +%d.%m.%Y)" --answer-by "$(date -d '+14 days' +%d.%m.%Y)" \
    --text "Kommunen vurderer å stanse programmet fordi du ikke har møtt på seks uker."
expect 0 S forewarn answer 1 --answered "$(date +%d.%m.%Y)" --text "Jeg har vært syk."
expect 0 S appeal add --decision 1 --received "$(date +%d.%m.%Y)" --grounds "Jeg vil ha mer norsk og mindre praksis."
expect 0 S verify
has "$T/out" "Alt holder"
expect 0 S backup "$T/good.db"
has "$T/out" "Kjedehode: [0-9a-f]\{64\}"
HEAD=$(sed -n 's/^Kjedehode: \([0-9a-f]*\).*/\1/p' "$T/out")
expect 0 "$BIN" --db "$T/good.db" verify
has "$T/out" "Kjedehode: $HEAD"
# The backup is noted in the live log once it exists, which moves the live head on.
expect 0 S verify
hasnt "$T/out" "Kjedehode: $HEAD"

# With every trigger dropped, one character changed in any text column of a decision or an
# audit row: verify names the row and exits 1, restore of that file is refused, and the file
# itself opens read-only.
AUD=$(sqlite3 "$DB" "SELECT min(id) FROM audit WHERE old IS NOT NULL AND new IS NOT NULL")
drop_all() {
    sql=$(sqlite3 "$1" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_schema WHERE type = 'trigger'")
    sqlite3 "$1" "$sql"
    expect 0 test "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")" = 0
}
tamper() { # FILE TABLE ID COLUMN
    sqlite3 "$1" "UPDATE $2 SET $4 = CASE WHEN $4 IS NULL OR $4 = '' THEN 'x'
        ELSE substr($4, 1, length($4) - 1) || CASE WHEN substr($4, -1) = 'x' THEN 'y' ELSE 'x' END END WHERE rowid = $3"
}
for spec in decision:1:uuid decision:1:kind decision:1:decided_on decision:1:decided_by decision:1:law \
    decision:1:notified_on decision:1:notify_method decision:1:reason decision:1:xml decision:1:created_at \
    audit:$AUD:at audit:$AUD:login audit:$AUD:tbl audit:$AUD:action audit:$AUD:old audit:$AUD:new \
    notification:1:notified_on notification:1:method notification:1:note notification:1:recorded_at \
    notification:1:recorded_by decision_verdict:1:verdict advance_notice:1:sent_on advance_notice:1:answer_by \
    advance_notice:1:content advance_notice:1:recorded_by advance_notice:2:answered_on advance_notice:2:answer; do
    tbl=${spec%%:*}; rest=${spec#*:}; id=${rest%%:*}; col=${rest#*:}
    cp "$T/good.db" "$T/bad.db"
    drop_all "$T/bad.db"
    tamper "$T/bad.db" "$tbl" "$id" "$col"
    expect 1 "$BIN" --db "$T/bad.db" verify
    has "$T/out" "BRUDD $tbl nr. $id: raden er endret"
    expect 1 S restore "$T/bad.db" --yes
    has "$T/err" "brudd i den beskyttede historikken"
done
expect 1 "$BIN" --db "$T/bad.db" edit participant 1 --name "Ny"
has "$T/err" "stegvis verify"
# The report goes to a file for an administrator.
expect 1 "$BIN" --db "$T/bad.db" verify --out "$T/report.txt"
has "$T/report.txt" "BRUDD advance_notice nr. 2"
expect 0 test "$(stat -c %a "$T/report.txt")" = 600

# With the triggers in place: a REPLACE of a decision and a forged audit row are refused (plain
# sqlite3 cannot even prepare them), and nothing changed.
cp "$T/good.db" "$T/t.db"
expect 1 sqlite3 "$T/t.db" "INSERT OR REPLACE INTO decision SELECT * FROM decision WHERE id = 1"
expect 1 sqlite3 "$T/t.db" "INSERT OR REPLACE INTO notification SELECT * FROM notification WHERE id = 1"
expect 1 sqlite3 "$T/t.db" "INSERT OR REPLACE INTO decision_verdict SELECT * FROM decision_verdict WHERE decision_id = 1"
sqlite3 "$T/t.db" "UPDATE notification SET note = 'endret' WHERE id = 1" 2>/dev/null
expect 0 test "$(sqlite3 "$T/t.db" "SELECT note FROM notification WHERE id = 1")" = "Levert i posten"
expect 1 sqlite3 "$T/t.db" "INSERT INTO audit(at, login, tbl, action) VALUES('2020-01-01 10:00:00', 'sjef', 'decision', 'delete')"
expect 0 "$BIN" --db "$T/t.db" verify
# With only the chain trigger dropped, a forged back-dated audit row is named.
sqlite3 "$T/t.db" "DROP TRIGGER chain_audit; INSERT INTO audit(at, login, tbl, action) VALUES('2020-01-01 10:00:00', 'sjef', 'decision', 'delete')"
expect 1 "$BIN" --db "$T/t.db" verify
has "$T/out" "trigger chain_audit: beskyttende trigger mangler"
has "$T/out" "ikke lenket inn i kjeden"
expect 1 S restore "$T/t.db" --yes
# A database from before the verdicts and notifications were chained: the upgrade links them.
cp "$T/good.db" "$T/old.db"
sqlite3 "$T/old.db" "DROP TRIGGER chain_verdict; DROP TRIGGER chain_notification; DROP TRIGGER chain_no_delete;
    DELETE FROM chain; PRAGMA user_version = 16"
expect 0 "$BIN" --db "$T/old.db" verify
expect 0 test "$(sqlite3 "$T/old.db" "SELECT count(*) FROM chain WHERE kind = 'decision_verdict'")" = \
    "$(sqlite3 "$T/old.db" "SELECT count(*) FROM decision_verdict")"
expect 0 test "$(sqlite3 "$T/old.db" "SELECT count(*) FROM chain WHERE kind = 'notification'")" = 1
# A database from before the advance notices were chained (schema 32): a notice recorded then
# is linked by the upgrade, and its protective triggers are written and checked from then on
# (plain sqlite3 has no sv_chain_link for the audit row the notice would have had).
cp "$T/good.db" "$T/old32.db"
sqlite3 "$T/old32.db" "DROP TRIGGER chain_advance_notice; DROP INDEX chain_advance_notice; DROP TRIGGER advance_notice_audit;
    INSERT INTO advance_notice(participant_id, kind, exception, exception_reason, recorded_at, recorded_by)
    VALUES(2, 'stans', 'c', 'Deltakeren har selv bedt om stans.', '2026-01-05 10:00:00', 'root'); PRAGMA user_version = 32"
expect 0 "$BIN" --db "$T/old32.db" verify
expect 0 test "$(sqlite3 "$T/old32.db" "SELECT count(*) FROM chain WHERE kind = 'advance_notice'")" = 3
# Every protective trigger of the advance notices and the appeals is checked: dropping one is named.
for trig in advance_notice_no_update advance_notice_no_delete advance_notice_no_replace advance_notice_audit \
    chain_advance_notice appeal_audit_i appeal_audit_u appeal_version appeal_no_delete appeal_no_replace \
    appeal_received_fixed appeal_one_outcome; do
    cp "$T/good.db" "$T/g.db"
    sqlite3 "$T/g.db" "DROP TRIGGER $trig"
    expect 1 "$BIN" --db "$T/g.db" verify
    has "$T/out" "trigger $trig: beskyttende trigger mangler"
done
# With the triggers in place an advance notice cannot be changed, removed or replaced.
cp "$T/good.db" "$T/g.db"
expect 19 sqlite3 "$T/g.db" "UPDATE advance_notice SET sent_on = '2020-01-01' WHERE id = 1"
expect 19 sqlite3 "$T/g.db" "DELETE FROM advance_notice WHERE id = 1"
# (plain sqlite3 cannot even prepare a statement whose triggers audit or chain)
expect 1 sqlite3 "$T/g.db" "INSERT OR REPLACE INTO advance_notice SELECT * FROM advance_notice WHERE id = 1"
expect 1 sqlite3 "$T/g.db" "UPDATE appeal SET grounds = 'Annet', version = version + 1 WHERE id = 1"
expect 0 "$BIN" --db "$T/g.db" verify
# A deleted audit row is named too.
cp "$T/good.db" "$T/d.db"
sqlite3 "$T/d.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = $AUD"
expect 1 "$BIN" --db "$T/d.db" verify
has "$T/out" "BRUDD audit nr. $AUD: raden i kjeden finnes ikke lenger"

# A row changed with its triggers dropped and put back again, exactly as they were: the log and
# the chain are whole, but the row is not what its history says, and verify names it with what
# the history has and what the row has. So is a row added, or put back after its deletion,
# outside the program. A change made by the program verifies.
put_back() { # FILE TRIGGER... SQL: drops the triggers, runs SQL, creates them again as they were
    f=$1; shift; keep=""
    while [ $# -gt 1 ]; do
        keep="$keep$(sqlite3 "$f" "SELECT sql FROM sqlite_schema WHERE name = '$1'");"
        sqlite3 "$f" "DROP TRIGGER $1"; shift
    done
    sqlite3 "$f" "$1" && sqlite3 "$f" "$keep"
}
cp "$T/good.db" "$T/r.db"
put_back "$T/r.db" participant_version participant_audit_u "UPDATE participant SET name = 'Forfalsket Navn' WHERE id = 2"
put_back "$T/r.db" appeal_version appeal_audit_u appeal_received_fixed "UPDATE appeal SET grounds = 'Annen grunn' WHERE id = 1"
put_back "$T/r.db" need_audit_i "INSERT INTO need(participant_id, version) VALUES(3, 1)"
expect 0 test "$(sqlite3 "$T/r.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")" = \
    "$(sqlite3 "$T/good.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")"
NEED=$(sqlite3 "$T/r.db" "SELECT max(id) FROM need")
expect 1 "$BIN" --db "$T/r.db" verify
has "$T/out" "BRUDD participant nr. 2: raden er endret utenom programmet"
has "$T/out" '"name":"Forfalsket Navn"'
has "$T/out" "BRUDD appeal nr. 1: raden er endret utenom programmet"
has "$T/out" "BRUDD need nr. $NEED: raden har ingen historikk"
has "$T/out" "3 brudd funnet"
expect 1 S restore "$T/r.db" --yes
cp "$T/good.db" "$T/r.db"
expect 0 "$BIN" --db "$T/r.db" edit participant 2 --name "Endret Navn"
expect 0 "$BIN" --db "$T/r.db" verify

# Noark 5 checksums: sha256sum of every exported decision file equals the sjekksum of its
# arkivmelding, and the manifest lists every file with its hash and the chain head.
expect 0 S export --all "$T/ex" --arkivmelding
n=0
for f in "$T"/ex/vedtak-*.xml; do
    id=${f##*/vedtak-}; id=${id%.xml}
    sum=$(sed -n 's/.*<sjekksum>\([0-9a-f]*\)<\/sjekksum>.*/\1/p' "$T/ex/arkivmelding/arkivmelding-$id.xml")
    expect 0 test "$(sha256sum <"$f" | cut -d' ' -f1)" = "$sum"
    has "$T/ex/arkivmelding/arkivmelding-$id.xml" "<sjekksumAlgoritme>SHA-256</sjekksumAlgoritme>"
    has "$T/ex/arkivmelding/arkivmelding-$id.xml" "<filstoerrelse>$(stat -c %s "$f")</filstoerrelse>"
    expect 0 xmllint --noout --schema templates/arkivmelding/arkivmelding.xsd "$T/ex/arkivmelding/arkivmelding-$id.xml"
    n=$((n + 1))
done
expect 0 test "$n" -ge 3
expect 0 sh -c "cd '$T/ex' && sha256sum --strict -c manifest.txt"
expect 0 test "$(grep -c '  vedtak-' "$T/ex/manifest.txt")" = "$n"
CUR=$(S verify | sed -n 's/^Kjedehode: //p')
has "$T/ex/manifest.txt" "^# kjedehode: $CUR"
has "$T/ex/arkivmelding/arkivmelding-$id.xml" "kjedehode.*>$CUR<"
expect 0 S export "$id" --out "$T/one.xml" --arkivmelding
has "$T/err" "Kjedehode: $CUR"
expect 0 test "$(sha256sum <"$T/one.xml" | cut -d' ' -f1)" = \
    "$(sed -n 's/.*<sjekksum>\([0-9a-f]*\)<\/sjekksum>.*/\1/p' "$T/one-arkivmelding.xml")"

# Nothing left behind: a copy left by a killed backup (its lock gone) is removed by the next
# backup into that directory; one still being written (locked) is left alone; a failed backup
# writes no audit row; a name too long for the temporary suffix is refused before any work.
mkdir "$T/bk"
printf 'SQLite format 3 kopi med fødselsnumre' >"$T/bk/.old.db.stegvis-tmp-Ab12Cd"
printf 'under arbeid' >"$T/bk/.busy.db.stegvis-tmp-Zz99Yy"
flock "$T/bk/.busy.db.stegvis-tmp-Zz99Yy" sleep 5 &
LOCKER=$!
sleep 0.3
N0=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'backup'")
expect 0 S backup "$T/bk/new.db"
expect 0 test ! -e "$T/bk/.old.db.stegvis-tmp-Ab12Cd"
expect 0 test -e "$T/bk/.busy.db.stegvis-tmp-Zz99Yy"
expect 0 test "$(ls -A "$T/bk" | grep -c stegvis-tmp)" = 1
kill $LOCKER 2>/dev/null; wait $LOCKER 2>/dev/null
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'backup'")" = $((N0 + 1))
expect 1 S backup "$T/nodir/x.db"
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'backup'")" = $((N0 + 1))
LONG=$(printf 'k%.0s' $(seq 1 240))
expect 1 S backup "$T/bk/$LONG.db"
has "$T/err" "for langt"
expect 1 S backup "$T/bk/"
expect 1 S restore "$T/bk" --yes
has "$T/err" "ikke en vanlig fil"

# A good backup restores over a broken database and brings it back to work.
cp "$T/bad.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
V=$(sqlite3 "$DB" "SELECT version FROM participant WHERE id = 1")
expect 0 S restore "$T/good.db" --yes
expect 0 S verify
# Restore generations: a version handed out before the restore is stale after it, even where
# the restored row has the same stored version.
expect 0 test "$(sqlite3 "$DB" "SELECT version FROM participant WHERE id = 1")" = "$V"
expect 1 S edit participant 1 --if-version "$V" --name "Forberedt før"
has "$T/err" "gjenopprettet fra en sikkerhetskopi"
expect 0 test "$(sqlite3 "$DB" "SELECT name FROM participant WHERE id = 1")" != "Forberedt før"
expect 0 S edit participant 1 --name "Etter gjenoppretting"
has "$T/out" "versjon 1000"

# Identity numbers kept once: the audit log holds a participant's number only masked with a
# keyed hash, and a change of the number still shows as two different masked forms.
M="$T/mask.db"
expect 0 "$BIN" --db "$M" init --number 4601 --name Bergen
expect 0 "$BIN" --db "$M" participant add --fnr 01019010399 --name "Per Hansen" --permit-on 10.01.2025 \
    --settled-on 01.03.2025 --right-duty rett_plikt --schooling grunnskole
expect 0 "$BIN" --db "$M" edit participant 1 --fnr 01019040034
expect 0 test "$(sqlite3 "$M" "SELECT count(*) FROM audit WHERE instr(ifnull(old, '') || ifnull(new, ''), '01019010399')
    OR instr(ifnull(old, '') || ifnull(new, ''), '01019040034')")" = 0
expect 0 "$BIN" --db "$M" audit
cp "$T/out" "$T/audit"
expect 0 grep -Eq "Fødselsnummer: «010190\*{5}#([0-9a-f]{8})» → «010190\*{5}#[0-9a-f]{8}»" "$T/audit"
expect 1 grep -Eq "«010190\*{5}#([0-9a-f]{8})» → «010190\*{5}#\1»" "$T/audit"
expect 0 "$BIN" --db "$M" verify

finish
