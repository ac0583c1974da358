/* The external editor's temporary files (see edittmp.h). */
#include "edittmp.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "priv.h"

/* Everything in the directory open as dfd (not following links), then the directory itself. */
static void remove_dir(int dfd, const char *path)
{
    DIR *d = fdopendir(dup(dfd));
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            if (unlinkat(dirfd(d), de->d_name, 0) != 0 && errno == EISDIR) unlinkat(dirfd(d), de->d_name, AT_REMOVEDIR);
        }
        closedir(d);
    }
    rmdir(path);
}

int sv_edittmp_create(sv_edittmp *t, const char *tmpdir, const char *text)
{
    t->lock = -1;
    t->dir[0] = t->file[0] = '\0';
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    if (snprintf(t->dir, sizeof t->dir, "%s/" SV_EDITTMP_PREFIX "XXXXXX", tmpdir) >= (int)sizeof t->dir) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int rc = -1, saved = 0;
    sv_priv_user_begin();
    if (!mkdtemp(t->dir)) {
        saved = errno;
        goto out;
    }
    snprintf(t->file, sizeof t->file, "%s/tekst.txt", t->dir);
    t->lock = open(t->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (t->lock < 0 || flock(t->lock, LOCK_EX | LOCK_NB) != 0) goto fail;
    int fd = openat(t->lock, "tekst.txt", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) goto fail;
    size_t len = strlen(text);
    int ok = write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
    if (close(fd) != 0 || !ok) goto fail;
    rc = 0;
    goto out;
fail:
    saved = errno ? errno : EIO;
    if (t->lock >= 0) remove_dir(t->lock, t->dir);
    else rmdir(t->dir);
    if (t->lock >= 0) close(t->lock);
    t->lock = -1;
out:
    sv_priv_user_end();
    if (rc) errno = saved;
    return rc;
}

/* The guardian: waits for the editor, and ends it and removes the directory when the program
 * is gone (its end of the pipe closes, even when it was killed). Never returns. */
static void guardian(sv_edittmp *t, int gone, const char *ed)
{
    /* The terminal's signals are for the program and the editor; the guardian stays to clean up. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    pid_t e = fork();
    if (e < 0) _exit(126);
    if (e == 0) {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        sv_i18n_child_env(); /* the editor speaks the user's language, not the catalogue's */
        execlp("sh", "sh", "-c", "exec $0 \"$1\"", ed, t->file, (char *)NULL);
        _exit(127);
    }
    for (;;) {
        int st;
        pid_t w = waitpid(e, &st, WNOHANG);
        if (w == e) _exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0));
        struct pollfd p = {gone, POLLIN, 0};
        if (poll(&p, 1, 100) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
            /* The program died with the editor open: nothing can take the text any more. */
            kill(e, SIGKILL);
            waitpid(e, &st, 0);
            remove_dir(t->lock, t->dir);
            _exit(125);
        }
    }
}

int sv_edittmp_run(sv_edittmp *t, const char *ed)
{
    int pfd[2];
    if (pipe2(pfd, O_CLOEXEC) != 0) return -1;
    pid_t g = fork();
    if (g < 0) {
        close(pfd[0]);
        close(pfd[1]);
        return -1;
    }
    if (g == 0) {
        sv_priv_drop_child();   /* the guardian and the editor run as the user */
        close(pfd[1]);
        guardian(t, pfd[0], ed);
    }
    close(pfd[0]);
    int st = 0;
    pid_t w;
    /* A signal to the program (the screens' handlers do not restart calls) does not end the
     * wait: the editor is still open on the terminal. */
    while ((w = waitpid(g, &st, 0)) < 0 && errno == EINTR) {}
    close(pfd[1]);
    if (w != g) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

void sv_edittmp_remove(sv_edittmp *t)
{
    if (t->lock < 0) return;
    sv_priv_user_begin();
    remove_dir(t->lock, t->dir);
    sv_priv_user_end();
    close(t->lock);
    t->lock = -1;
}

int sv_edittmp_sweep(const char *tmpdir)
{
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    sv_priv_user_begin();
    int n = 0;
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (strncmp(de->d_name, SV_EDITTMP_PREFIX, strlen(SV_EDITTMP_PREFIX))) continue;
            int fd = openat(dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0) continue;
            struct stat sb;
            char path[4200];
            if (fstat(fd, &sb) == 0 && sb.st_uid == getuid() && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
                snprintf(path, sizeof path, "%s/%s", tmpdir, de->d_name) < (int)sizeof path) {
                remove_dir(fd, path);
                n++;
            }
            close(fd);
        }
        closedir(d);
    }
    sv_priv_user_end();
    return n;
}
