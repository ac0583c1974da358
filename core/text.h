/* SQL access to the text functions of core/text.c (the rest are declared in util.h). */
#ifndef SV_TEXT_H
#define SV_TEXT_H

#include <sqlite3.h>

/* Registers sv_search_key(name, fnr) on db; an SQLite result code. */
int sv_text_register(sqlite3 *db);

#endif
