/* The decision letter and the participant certificate as PDF/A from the screens: written into
 * the export directory (stegvis.conf(5)) under a name the user may change, 0600, and the full
 * path shown. Core makes both (the letter from the stored, checked decision document). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/certificate.h"
#include "../core/letter_src.h"
#include "../core/pdf_letter.h"
#include "tui.h"

void tui_letter_pdf(int64_t participant_id)
{
    sv_err e;
    sv_err_clear(&e);
    sv_letter_src s;
    if (sv_letter_src_load(TUI.st, participant_id, 0, 1, &s, &e)) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    char name[128], path[1200];
    snprintf(name, sizeof name, "vedtaksbrev-%" PRId64 "-%" PRId64 ".pdf", participant_id, s.decision_id);
    if (tui_ask_export_path(_("Lagre vedtaksbrevet (PDF/A) som"), name, path, sizeof path) == 0) {
        if (sv_letter_pdf_write(&s, path, &e) == SV_OK) tui_msg(2, _("Vedtaksbrevet (PDF/A) er lagret i %s."), path);
        else tui_msg(1, "%s", e.msg);
    }
    sv_letter_src_free(&s);
}

void tui_certificate_pdf(int64_t participant_id)
{
    sv_err e;
    sv_err_clear(&e);
    unsigned char *b = NULL;
    size_t len = 0;
    /* made first, so a programme that has not ended is told before a file name is asked */
    if (sv_certificate_pdf(TUI.st, participant_id, &b, &len, &e)) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    char name[128], path[1200];
    snprintf(name, sizeof name, "deltakerbevis-%" PRId64 ".pdf", participant_id);
    if (tui_ask_export_path(_("Lagre deltakerbeviset (PDF/A) som"), name, path, sizeof path) == 0) {
        if (sv_pdf_write_bytes(b, len, path, &e) == SV_OK) tui_msg(2, _("Deltakerbeviset (PDF/A) er lagret i %s."), path);
        else tui_msg(1, "%s", e.msg);
    }
    free(b);
}
