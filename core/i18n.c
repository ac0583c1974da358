/* The lookups behind _(), _n() and C_(): GNU gettext on the catalogue msgfmt built from
 * po/nn.po, with the language chosen per call rather than once for the process.
 *
 * Why it is done this way: gettext picks the catalogue from LANGUAGE and the LC_MESSAGES
 * locale, and does no lookup at all while LC_MESSAGES is "C" or "POSIX" (an unset locale, or
 * LC_ALL=C). A user cannot be expected to have nn_NO or nb_NO generated (many machines have
 * only C.UTF-8), and a letter in the municipality's målform must be nynorsk whatever the user
 * runs. So a nynorsk lookup runs under a thread locale of its own (uselocale) whose
 * LC_MESSAGES is C.UTF-8, which glibc always has and which is not "C", with LANGUAGE=nn in
 * the environment naming the catalogue: the standard layout (LOCALEDIR/nn/LC_MESSAGES/
 * stegvis.mo) is found under any user locale. The codeset is bound to UTF-8, as the whole
 * program is. Bokmål is the source language: its text is the msgid and its plural rule is
 * gettext's own without a catalogue (n != 1), so a bokmål call needs no catalogue and no
 * lookup. LANGUAGE is set once for the process (gettext's cache of lookups does not look at
 * it, so it must not change between calls); programs started from here get the user's own
 * back (sv_i18n_child_env). */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

static int ui_lang = -1;

static struct {
    int tried, ok;
    locale_t msgloc;       /* LC_MESSAGES for the nynorsk lookups */
    char *user_language;   /* LANGUAGE as the user had it, or NULL */
    int had_language;
} g;

sv_lang sv_lang_from_code(const char *code)
{
    return code && code[0] == 'n' && code[1] == 'n' ? SV_NN : SV_NB;
}

sv_lang sv_i18n_ui(void)
{
    if (ui_lang >= 0) return (sv_lang)ui_lang;
    static const char *const vars[] = {"STEGVIS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    ui_lang = SV_NB;
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        /* LANGUAGE is ours once the catalogue is set up; the user's value is kept aside. */
        const char *v = g.tried && i == 1 ? g.user_language : getenv(vars[i]);
        if (v && *v) {
            ui_lang = sv_lang_from_code(v);
            break;
        }
    }
    return (sv_lang)ui_lang;
}

void sv_i18n_set_ui(sv_lang l) { ui_lang = l; }

static void setup(void)
{
    (void)sv_i18n_ui(); /* read the user's choice before LANGUAGE is replaced */
    g.tried = 1;
    const char *lang = getenv("LANGUAGE");
    g.had_language = lang != NULL;
    g.user_language = lang ? strdup(lang) : NULL;
    if (!bindtextdomain(SV_TEXTDOMAIN, sv_locale_dir())) return;
    if (!bind_textdomain_codeset(SV_TEXTDOMAIN, "UTF-8")) return;
    /* Any locale other than C/POSIX will do, LANGUAGE decides; C.UTF-8 is there on every
     * glibc system, the others are tried only where it is not. */
    static const char *const names[] = {"C.UTF-8", "C.utf8", "nn_NO.UTF-8", "nb_NO.UTF-8", "en_US.UTF-8"};
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !g.msgloc; i++)
        g.msgloc = newlocale(LC_MESSAGES_MASK, names[i], (locale_t)0);
    if (!g.msgloc) return;
    if (setenv("LANGUAGE", "nn", 1) != 0) return;
    g.ok = 1;
}

static locale_t enter(void)
{
    if (!g.tried) setup();
    return g.ok ? uselocale(g.msgloc) : (locale_t)0;
}

const char *sv_tr(sv_lang l, const char *msgid)
{
    if (l == SV_NB || !msgid || !*msgid) return msgid;
    locale_t old = enter();
    if (!old) return msgid;
    const char *s = dcgettext(SV_TEXTDOMAIN, msgid, LC_MESSAGES);
    uselocale(old);
    return s;
}

const char *sv_ntr(sv_lang l, const char *msgid, const char *plural, unsigned long n)
{
    if (l == SV_NB || !msgid || !*msgid) return n == 1 ? msgid : plural;
    locale_t old = enter();
    if (!old) return n == 1 ? msgid : plural;
    const char *s = dcngettext(SV_TEXTDOMAIN, msgid, plural, n, LC_MESSAGES);
    uselocale(old);
    return s;
}

/* As gettext.h's pgettext: the catalogue keys a context as "ctx\004msgid"; an untranslated
 * key comes back as the key itself, and then the msgid is the answer. */
const char *sv_ptr(sv_lang l, const char *ctx, const char *msgid)
{
    if (l == SV_NB || !msgid || !*msgid) return msgid;
    size_t a = strlen(ctx), b = strlen(msgid);
    char stack[512], *key = a + b + 2 <= sizeof stack ? stack : malloc(a + b + 2);
    if (!key) return msgid;
    memcpy(key, ctx, a);
    key[a] = '\004';
    memcpy(key + a + 1, msgid, b + 1);
    const char *s = sv_tr(l, key);
    if (s == key) s = msgid;
    if (key != stack) free(key);
    return s;
}

int sv_i18n_catalogue_ok(void)
{
    if (!g.tried) setup();
    if (!g.ok) return 0;
    locale_t old = uselocale(g.msgloc);
    /* The header entry (msgid "") is there exactly when the catalogue was found. */
    static const char header[] = "";
    const char *h = dcgettext(SV_TEXTDOMAIN, header, LC_MESSAGES);
    uselocale(old);
    return h && strstr(h, "Language: nn") != NULL;
}

void sv_i18n_child_env(void)
{
    if (!g.ok) return;
    if (g.had_language) setenv("LANGUAGE", g.user_language ? g.user_language : "", 1);
    else unsetenv("LANGUAGE");
}
