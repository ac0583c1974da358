/* Parsing XML that comes from outside the program (decision documents given to `check`, rule
 * sets a municipality edits): network off, no DTD loaded, no entity substituted, and any
 * document carrying a DTD refused outright, so neither XXE nor entity expansion (billion laughs)
 * can reach us; size and nesting depth are limited. */
#ifndef SV_XMLSAFE_H
#define SV_XMLSAFE_H

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stddef.h>

#include "util.h"

#define SV_XML_MAX_BYTES ((size_t)64 * 1024 * 1024)
#define SV_XML_MAX_DEPTH 64

/* Parses buf; NULL when it is not well-formed, has a DTD, or is too large or too deep. On
 * failure *why holds a Norwegian reason (static or in the caller's buffer whybuf). */
xmlDocPtr sv_xml_parse_safe(const char *buf, size_t len, const char *name, char *whybuf, size_t whysize);
/* Reads and parses a file the same way; refuses anything but a regular file within the limit. */
xmlDocPtr sv_xml_read_file_safe(const char *path, char *whybuf, size_t whysize);
/* The bytes of a regular file within the size limit (caller frees), NULL with a reason. */
char *sv_xml_slurp(const char *path, size_t *len, char *whybuf, size_t whysize);
/* The schema at templates/rel, parsed once into *cache (free it with xmlSchemaFree at exit). */
xmlSchemaPtr sv_xml_schema(const char *rel, xmlSchemaPtr *cache, sv_err *e);

#endif
