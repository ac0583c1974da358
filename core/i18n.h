/* Bokmål and nynorsk. Messages are written in bokmål in the code, marked with _() (or N_() where
 * they sit in static tables and are translated where shown); po/nn.po holds the nynorsk forms,
 * read at first use by our own small reader so the language can be chosen per call: the screens
 * follow the user's setting, a decision letter the municipality's målform. */
#ifndef SV_I18N_H
#define SV_I18N_H

typedef enum { SV_NB = 0, SV_NN = 1 } sv_lang;

/* The language of screens and messages: STEGVIS_LANG, else LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG ("nn..." means nynorsk), else bokmål. Read once, changeable with sv_i18n_set_ui. */
sv_lang sv_i18n_ui(void);
void sv_i18n_set_ui(sv_lang l);
/* "nb"/"nn" (a municipality's målform) to a language. */
sv_lang sv_lang_from_code(const char *code);

/* The text in language l; msgid itself when l is bokmål or no translation exists. */
const char *sv_tr(sv_lang l, const char *msgid) __attribute__((format_arg(2)));

/* Number of entries loaded from the nynorsk catalogue (for tests and `--version`). */
int sv_i18n_entries(void);
/* Frees the catalogue (for leak checks at exit). */
void sv_i18n_cleanup(void);

#define _(s) sv_tr(sv_i18n_ui(), (s))
#define N_(s) (s)

#endif
