/* The screens' side of sharing the catalogue of measures: asks core/catalog.c to write or read
 * the exchange file and shows the outcome on the message line. The format, its limits and the
 * all-or-nothing import live in core, shared with the command line. */
#include "../core/catalog.h"
#include "../core/i18n.h"
#include "catalog.h"
#include "tui.h"

void tui_catalog_export(const char *path)
{
    sv_err e;
    sv_err_clear(&e);
    int n = sv_catalog_export_file(TUI.st, TUI.muni_id, path, &e);
    if (n < 0) {
        tui_msg(1, _("Eksporten feilet: %s"), e.msg);
        return;
    }
    tui_msg(2, _n("%d tiltak eksportert til %s.", "%d tiltak eksportert til %s.", n), n, path);
}

void tui_catalog_import(const char *path)
{
    sv_err e;
    sv_catalog_report r;
    sv_err_clear(&e);
    if (sv_catalog_import_file(TUI.st, TUI.muni_id, path, &r, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    if (r.skipped)
        tui_msg(2, 
                   _n("%d tiltak importert fra %s (%d fantes fra før med samme navn).",
                      "%d tiltak importert fra %s (%d fantes fra før med samme navn).", r.added), r.added, path,
                r.skipped);
    else
        tui_msg(2, _n("%d tiltak importert fra %s.", "%d tiltak importert fra %s.", r.added), r.added, path);
}
