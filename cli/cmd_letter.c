/* `letter` (the decision letter as text, as PDF/A, or on the printer) and `certificate` (the
 * participant certificate as PDF/A). Both are made from what core checks and loads: the stored
 * decision document (hash and schema checked) and the case. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/certificate.h"
#include "../core/i18n.h"
#include "../core/letter.h"
#include "../core/letter_src.h"
#include "../core/pdf_letter.h"
#include "../core/pdf_print.h"
#include "../core/privfile.h"
#include "../core/vedtak.h"
#include "cli.h"

#define LETTER_USAGE "bruk: stegvis letter ID [--out FIL] [--pdf FIL] [--print]"

static const char *value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n)) return NULL;
    if (argv[*i][n] == '=') return argv[*i] + n + 1;
    if (argv[*i][n]) return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int cmd_letter(sv_cli *c, int argc, char **argv)
{
    int64_t id = 0;
    const char *out = NULL, *pdf = NULL;
    int print = 0;
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = value(argc, argv, &i, "--out", &missing))) out = v;
        else if ((v = value(argc, argv, &i, "--pdf", &missing))) pdf = v;
        else if (missing) return cli_usage(_("%s mangler filnavn\n%s"), argv[i], _(LETTER_USAGE));
        else if (!strcmp(argv[i], "--print")) print = 1;
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage("%s", _(LETTER_USAGE));
    }
    if (!id || (out && (pdf || print))) return cli_usage("%s", _(LETTER_USAGE));
    sv_err e;
    sv_err_clear(&e);
    sv_letter_src s;
    /* a PDF or a printed letter is sent: it needs both postal addresses */
    if (sv_letter_src_load(c->st, id, 0, pdf || print, &s, &e)) return cli_fail(&e);
    int rc = SV_OK;
    if (pdf || print) {
        unsigned char *b = NULL;
        size_t len = 0;
        rc = sv_letter_pdf(&s, &b, &len, &e);
        if (rc == SV_OK && pdf && (rc = sv_pdf_write_bytes(b, len, pdf, &e)) == SV_OK)
            printf(_("Vedtaksbrevet (PDF/A) er skrevet til %s.\n"), pdf);
        if (rc == SV_OK && print) {
            char said[512], title[80];
            snprintf(title, sizeof title, "vedtak-%s", s.reference);
            for (char *t = title; *t; t++)
                if (*t == '/') *t = '-';
            if ((rc = sv_pdf_print(b, len, title, said, sizeof said, &e)) == SV_OK)
                printf(_("Vedtaksbrevet er sendt til skriveren (%s).\n"), said[0] ? said : "lp");
        }
        free(b);
    } else {
        char *text = sv_letter_build(s.doc, &e);
        rc = text ? SV_OK : e.code;
        if (text && out) rc = sv_file_write_private(out, text, &e);
        else if (text) fputs(text, stdout);
        free(text);
    }
    sv_letter_src_free(&s);
    sv_vedtak_cleanup();
    sv_pdf_cleanup();
    return rc ? cli_fail(&e) : 0;
}

int cmd_certificate(sv_cli *c, int argc, char **argv)
{
    int64_t id = 0;
    const char *pdf = NULL;
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = value(argc, argv, &i, "--pdf", &missing))) pdf = v;
        else if (missing) return cli_usage(_("--pdf mangler filnavn"));
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage(_("bruk: stegvis certificate ID --pdf FIL"));
    }
    if (!id || !pdf) return cli_usage(_("bruk: stegvis certificate ID --pdf FIL"));
    sv_err e;
    sv_err_clear(&e);
    int rc = sv_certificate_write(c->st, id, pdf, &e);
    sv_pdf_cleanup();
    if (rc) return cli_fail(&e);
    printf(_("Deltakerbeviset (PDF/A) er skrevet til %s.\n"), pdf);
    return 0;
}
