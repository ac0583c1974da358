/* Unsaved forms after a dropped connection: every terminal of a user keeps its own pointer to
 * the form it has open ("tui:open:HOST:PID"), so two terminals killed at once both leave their
 * draft to be offered, and a form still open in a live terminal is never offered to another.
 * Offered one at a time: the next when the participant list comes back. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/drafts.h"
#include "../forms/forms.h"
#include "tui.h"

#define PREFIX "tui:open"

static char *pending[16];
static int npending;

const char *tui_session_key(void)
{
    static char key[160];
    if (!key[0]) {
        char host[64] = "";
        gethostname(host, sizeof host - 1);
        snprintf(key, sizeof key, PREFIX ":%s:%ld", host, (long)getpid());
    }
    return key;
}

/* 1 when the session that wrote key is running now (on this machine, a stegvis process). */
static int alive(const char *key)
{
    char host[64] = "", me[64] = "";
    long pid = 0;
    if (sscanf(key, PREFIX ":%63[^:]:%ld", host, &pid) != 2 || pid <= 0) return 0;   /* the old single pointer */
    gethostname(me, sizeof me - 1);
    if (strcmp(host, me) != 0) return 0;
    if (pid == (long)getpid()) return 1;
    if (kill((pid_t)pid, 0) != 0) return 0;
    char path[64], comm[64] = "";
    snprintf(path, sizeof path, "/proc/%ld/comm", pid);
    FILE *f = fopen(path, "r");
    if (!f) return 1;
    if (!fgets(comm, sizeof comm, f)) comm[0] = '\0';
    fclose(f);
    return !strncmp(comm, "stegvis", 7);
}

static int collect(const char *key, const char *value, const char *saved_at, void *ctx)
{
    (void)value;
    (void)saved_at;
    (void)ctx;
    if (npending < 16 && !alive(key)) pending[npending++] = sv_xstrdup(key);
    return 0;
}

void tui_drafts_collect(void)
{
    sv_err e;
    sv_err_clear(&e);
    sv_draft_each(TUI.st, PREFIX, collect, NULL, &e);
}

void tui_drafts_free(void)
{
    for (int i = 0; i < npending; i++) free(pending[i]);
    npending = 0;
}

/* "Plan i saken til Åse Løvås": what a draft key holds. */
static void describe(const char *key, char *buf, size_t size)
{
    char table[32];
    long long id, parent, participant;
    snprintf(buf, size, "%s", _("et skjema"));
    if (sscanf(key, "form:%31[^:]:%lld:%lld:%lld", table, &id, &parent, &participant) != 4) return;
    const sv_entity *ent = sv_entity_by_table(table);
    if (!ent) return;
    char whose[160] = "";
    void *obj = sv_xcalloc(1, ent->size);
    sv_err e;
    if (id && sv_row_load(TUI.st, ent, id, obj, &e) != SV_OK) id = 0;
    if (!id) {
        sv_entity_blank(ent, obj);
        ((sv_meta *)obj)->parent = parent;
    }
    if (tui_whose(ent, obj, participant, whose, sizeof whose) == 0)
        snprintf(buf, size, id ? _("%s (endring) i %s") : _("%s (ny) i %s"), _(ent->label), whose);
    else
        snprintf(buf, size, id ? _("%s (endring)") : _("%s (ny)"), _(ent->label));
    free(obj);
}

int tui_drafts_offer(void)
{
    while (npending > 0) {
        char *session = pending[0];
        memmove(pending, pending + 1, sizeof *pending * (size_t)--npending);
        char *key = sv_draft_get(TUI.st, session);
        char *val = key ? sv_draft_get(TUI.st, key) : NULL;
        sv_err e;
        sv_err_clear(&e);
        if (!val) {
            /* a pointer to a draft saved or dropped since */
            sv_draft_drop(TUI.st, session, &e);
            free(key);
            free(session);
            continue;
        }
        free(val);
        char what[300], q[700];
        describe(key, what, sizeof what);
        snprintf(q, sizeof q, _("Du har et skjema som ikke ble lagret (forbindelsen ble brutt eller programmet "
                                "avsluttet): %s. Vil du fortsette der du slapp?\n\n"
                                "j = ja, fortsett    n = nei, forkast utkastet    Esc = senere"), what);
        int a = tui_ask(_("Ulagret utkast"), q, "jn");
        if (a == 'j') {
            tui_screen *f = tui_form_resume(key);
            sv_draft_drop(TUI.st, session, &e);
            if (f) {
                /* now this terminal's open form */
                sv_draft_put(TUI.st, tui_session_key(), key, &e);
                tui_push(f);
                free(key);
                free(session);
                return 1;
            }
            tui_msg(1, "%s", _("Utkastet kunne ikke åpnes (raden er slettet)."));
        } else if (a == 'n') {
            sv_draft_drop(TUI.st, key, &e);
            sv_draft_drop(TUI.st, session, &e);
            tui_msg(0, "%s", _("Utkastet er forkastet."));
        } else {
            tui_drafts_free();
        }
        free(key);
        free(session);
    }
    return 0;
}
