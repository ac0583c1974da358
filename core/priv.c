/* The set-user-id discipline of the server program (see priv.h). */
#include "priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static uid_t ruid, euid;
static gid_t rgid, egid;
static int inited, elevated, dropped, depth;

static void ids(void)
{
    if (inited) return;
    ruid = getuid();
    euid = geteuid();
    rgid = getgid();
    egid = getegid();
    elevated = ruid != euid || rgid != egid;
    inited = 1;
}

int sv_priv_init(void)
{
    ids();
    if (!elevated) return 0;
    struct rlimit no = {0, 0};
    if (setrlimit(RLIMIT_CORE, &no) != 0 || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return -1;
    umask(077);
    /* A closed stdin/stdout/stderr would let the next file we open become one of them. */
    for (int fd = 0; fd < 3; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        int n = open("/dev/null", O_RDWR);
        if (n != fd) return -1;
    }
    return 0;
}

int sv_priv_elevated(void)
{
    ids();
    return elevated && !dropped;
}

int sv_priv_drop(void)
{
    ids();
    if (!elevated || dropped) return 0;
    if (setresgid(rgid, rgid, rgid) != 0 || setresuid(ruid, ruid, ruid) != 0) return -1;
    uid_t r, e, s;
    gid_t gr, ge, gs;
    if (getresuid(&r, &e, &s) != 0 || r != ruid || e != ruid || s != ruid) return -1;
    if (getresgid(&gr, &ge, &gs) != 0 || gr != rgid || ge != rgid || gs != rgid) return -1;
    if (euid != ruid && (setuid(euid) == 0 || seteuid(euid) == 0)) return -1;
    if (egid != rgid && setegid(egid) == 0) return -1;
    dropped = 1;
    return 0;
}

void sv_priv_drop_child(void)
{
    if (sv_priv_drop() != 0) _exit(127);
}

void sv_priv_user_begin(void)
{
    if (!sv_priv_elevated() || depth++ > 0) return;
    if (setegid(rgid) != 0 || seteuid(ruid) != 0) abort();
}

void sv_priv_user_end(void)
{
    if (!sv_priv_elevated() || depth == 0 || --depth > 0) return;
    if (seteuid(euid) != 0 || setegid(egid) != 0) abort();
}

int sv_priv_user_open(const char *path, int flags, mode_t mode)
{
    sv_priv_user_begin();
    int fd = open(path, flags | O_CLOEXEC, mode);
    int saved = errno;
    sv_priv_user_end();
    errno = saved;
    return fd;
}

FILE *sv_priv_user_fopen(const char *path, const char *mode)
{
    sv_priv_user_begin();
    FILE *f = fopen(path, mode);
    int saved = errno;
    sv_priv_user_end();
    errno = saved;
    return f;
}

int sv_priv_copy(const char *src, const char *dst, int to_user)
{
    int in = to_user ? open(src, O_RDONLY | O_CLOEXEC) : sv_priv_user_open(src, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
    if (in < 0) return -1;
    struct stat sb;
    if (fstat(in, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(in);
        errno = EINVAL;
        return -1;
    }
    int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
    int out = to_user ? sv_priv_user_open(dst, flags, 0600) : open(dst, flags | O_CLOEXEC, 0600);
    if (out < 0) {
        int saved = errno;
        close(in);
        errno = saved;
        return -1;
    }
    char buf[65536];
    ssize_t n;
    int rc = 0;
    while ((n = read(in, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            rc = -1;
            break;
        }
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) { rc = -1; break; }
            off += w;
        }
        if (rc) break;
    }
    if (rc == 0 && fsync(out) != 0) rc = -1;
    int saved = errno;
    close(in);
    if (close(out) != 0 && rc == 0) { rc = -1; saved = errno; }
    if (rc != 0) {
        if (to_user) {
            sv_priv_user_begin();
            unlink(dst);
            sv_priv_user_end();
        } else {
            unlink(dst);
        }
    }
    errno = saved;
    return rc;
}

const char *sv_env(const char *name)
{
    return secure_getenv(name);
}
