/* Printing through lp (pdf_print.h). */
#include "pdf_print.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "priv.h"

int sv_pdf_print(const unsigned char *b, size_t len, const char *title, char *said, size_t saidsize, sv_err *e)
{
    int in[2], out[2];
    said[0] = '\0';
    if (pipe(in)) return sv_err_set(e, SV_EIO, NULL, _("Kan ikke skrive ut: %s"), strerror(errno));
    if (pipe(out)) {
        close(in[0]);
        close(in[1]);
        return sv_err_set(e, SV_EIO, NULL, _("Kan ikke skrive ut: %s"), strerror(errno));
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        return sv_err_set(e, SV_EIO, NULL, _("Kan ikke skrive ut: %s"), strerror(errno));
    }
    if (pid == 0) {
        sv_priv_drop_child();
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(out[1], 2);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execlp("lp", "lp", "-t", title, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    for (size_t done = 0; done < len;) {
        ssize_t w = write(in[1], b + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;   /* lp gone: its status says why */
        done += (size_t)w;
    }
    close(in[1]);
    signal(SIGPIPE, old);
    size_t got = 0;
    for (;;) {
        ssize_t r = read(out[0], said + got, saidsize - 1 - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
        if (got + 1 >= saidsize) {
            char sink[256];
            while (read(out[0], sink, sizeof sink) > 0) {}
            break;
        }
    }
    said[got] = '\0';
    close(out[0]);
    char *nl = strchr(said, '\n');
    if (nl) *nl = '\0';
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
    if (code == 127)
        return sv_err_set(e, SV_EIO, NULL,
                          _("Kan ikke skrive ut: finner ikke programmet lp (CUPS, Debian-pakken cups-client). Lagre brevet "
                            "med --pdf FIL i stedet."));
    if (code != 0)
        return sv_err_set(e, SV_EIO, NULL,
                          _("Kan ikke skrive ut: ingen skriver er satt opp eller skriveren svarer ikke (lp: %s). Sett opp "
                            "en standardskriver (lpadmin -d SKRIVER), eller lagre brevet med --pdf FIL."),
                          said[0] ? said : "-");
    return SV_OK;
}
