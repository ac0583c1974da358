/* Identity from the operating system: the login name of the real user id. A set-user-id
 * program runs with another effective uid, so only the real uid says who started it; the
 * environment ($USER, $LOGNAME) is the caller's to choose and is never consulted.
 *
 * The test-only build (build/stegvis-test, build/stegvis-san, the unit tests) is compiled with
 * -DSV_TEST_IDENTITY and may act as another login, so tests can play several colleagues
 * without creating Unix accounts. The shipped program is compiled without it and has no such
 * way in. */
#include "util.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static char login_name[64];

#ifdef SV_TEST_IDENTITY
static char test_login[64];

void sv_test_set_login(const char *login)
{
    snprintf(test_login, sizeof test_login, "%s", login ? login : "");
    login_name[0] = '\0';
}
#endif

void sv_login_reset(void)
{
    login_name[0] = '\0';
}

const char *sv_login(void)
{
    if (login_name[0]) return login_name;
#ifdef SV_TEST_IDENTITY
    const char *env = getenv("STEGVIS_USER");
    if (test_login[0]) env = test_login;
    if (env && *env) {
        snprintf(login_name, sizeof login_name, "%s", env);
        return login_name;
    }
#endif
    uid_t uid = getuid();
    struct passwd *pw = getpwuid(uid);
    if (pw && pw->pw_name && *pw->pw_name && snprintf(login_name, sizeof login_name, "%s", pw->pw_name) < (int)sizeof login_name)
        return login_name;
    snprintf(login_name, sizeof login_name, "#%lu", (unsigned long)uid);
    return login_name;
}
