/* Two-process runs for long reads (see split.h). */
#include "split.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "priv.h"

int sv_split_begin(int n, int from, sv_split *sp)
{
    int fds[2];
    const char *workers = sv_env("STEGVIS_WORKERS");   /* "1": one process (a shared server) */
    sp->pid = -1;
    sp->fd = -1;
    sp->half = n;
    if (n < from || sysconf(_SC_NPROCESSORS_ONLN) < 2 || (workers && atoi(workers) == 1) || pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    sp->half = n / 2;
    sp->pid = pid;
    if (pid == 0) {
        close(fds[0]);
        sp->fd = fds[1];
        return 0;
    }
    close(fds[1]);
    sp->fd = fds[0];
    return 1;
}

void sv_split_exit(sv_split *sp, int failed)
{
    close(sp->fd);
    _exit(failed ? 1 : 0);
}

int sv_split_wait(sv_split *sp)
{
    int status = 0;
    close(sp->fd);
    while (waitpid(sp->pid, &status, 0) < 0 && errno == EINTR) {}
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int sv_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

int sv_read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n) {
        ssize_t r = read(fd, c, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}
