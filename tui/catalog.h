/* Sharing the catalogue of measures between municipalities as a TSV file. */
#ifndef SV_TUI_CATALOG_H
#define SV_TUI_CATALOG_H

/* Both report the outcome on the message line. Import is all or nothing: one bad row (named by
 * line and field) imports none. */
void tui_catalog_export(const char *path);
void tui_catalog_import(const char *path);

#endif
