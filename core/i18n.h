/* Bokmål and nynorsk through GNU gettext. Messages are written in bokmål in the code (the
 * source language), marked with _() (or N_() where they sit in static tables and are translated
 * where shown), _n() where a count decides the form and C_() where one bokmål word needs two
 * translations. po/nn.po holds the nynorsk forms; msgfmt builds build/locale/nn/LC_MESSAGES/
 * stegvis.mo, installed in the standard locale directory. The language is chosen per call:
 * the screens follow the user's setting, a decision letter the municipality's målform. */
#ifndef SV_I18N_H
#define SV_I18N_H

typedef enum { SV_NB = 0, SV_NN = 1 } sv_lang;

#define SV_TEXTDOMAIN "stegvis"

/* The language of screens and messages: STEGVIS_LANG, else LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG ("nn..." means nynorsk), else bokmål. Read once, changeable with sv_i18n_set_ui. */
sv_lang sv_i18n_ui(void);
void sv_i18n_set_ui(sv_lang l);
/* "nb"/"nn" (a municipality's målform) to a language. */
sv_lang sv_lang_from_code(const char *code);

/* The text in language l; msgid itself when l is bokmål or no translation exists. */
const char *sv_tr(sv_lang l, const char *msgid) __attribute__((format_arg(2)));
/* The form for count n in language l (ngettext): msgid for one, plural otherwise in bokmål,
 * the catalogue's plural rule in nynorsk. */
const char *sv_ntr(sv_lang l, const char *msgid, const char *plural, unsigned long n)
    __attribute__((format_arg(2))) __attribute__((format_arg(3)));
/* The text of msgid in context ctx (pgettext): the same bokmål word with a translation of its
 * own per context. */
const char *sv_ptr(sv_lang l, const char *ctx, const char *msgid) __attribute__((format_arg(3)));

/* Whether the nynorsk catalogue could be opened (for tests and diagnostics). */
int sv_i18n_catalogue_ok(void);
/* In a child about to exec another program: puts back the user's own LANGUAGE. */
void sv_i18n_child_env(void);

#define _(s) sv_tr(sv_i18n_ui(), (s))
#define _n(s, p, n) sv_ntr(sv_i18n_ui(), (s), (p), (unsigned long)(n))
#define C_(ctx, s) sv_ptr(sv_i18n_ui(), (ctx), (s))
#define N_(s) (s)

#endif
