/* Where the data files of templates/ are: $STEGVIS_TEMPLATES, else templates/ beside the
 * binary (a build tree), else the installed share directory; and the message catalogues. */
#ifndef SV_PATHS_H
#define SV_PATHS_H

#include <stddef.h>

/* The templates directory (no trailing slash). */
const char *sv_templates_dir(void);
/* templates_dir + "/" + rel into buf; returns 0, or -1 if it does not fit. */
int sv_template_path(const char *rel, char *buf, size_t size);

/* The directory holding LANG/LC_MESSAGES/stegvis.mo: $STEGVIS_LOCALEDIR, else build/locale
 * of the build tree the binary is in, else PREFIX/share/locale beside an installed binary,
 * else the configured locale directory (always that one for the set-user-id server). */
const char *sv_locale_dir(void);

#endif
