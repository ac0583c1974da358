/* Where the data files of templates/ are: $STEGVIS_TEMPLATES, else templates/ beside the
 * binary (a build tree), else the installed share directory. */
#ifndef SV_PATHS_H
#define SV_PATHS_H

#include <stddef.h>

/* The templates directory (no trailing slash). */
const char *sv_templates_dir(void);
/* templates_dir + "/" + rel into buf; returns 0, or -1 if it does not fit. */
int sv_template_path(const char *rel, char *buf, size_t size);

#endif
