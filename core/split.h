/* Splitting a long run over two processes: the checklist and `export --all` hand the second
 * half of their cases to a child with its own database connection (an SQLite connection must
 * not cross fork), which reports back through a pipe. */
#ifndef SV_SPLIT_H
#define SV_SPLIT_H

#include <stddef.h>
#include <sys/types.h>

typedef struct sv_split {
    pid_t pid;       /* the child, in the parent; 0 in the child */
    int fd;          /* parent: read end; child: write end */
    int half;        /* the child takes [half, n), the parent [0, half) */
} sv_split;

/* With n items, at least `from` of them, more than one core and STEGVIS_WORKERS not "1",
 * forks. Returns 1 in the parent, 0 in the child (which does its part, writes its result to
 * sp->fd and calls sv_split_exit), or -1 when the caller should do all the work itself. */
int sv_split_begin(int n, int from, sv_split *sp);
/* In the child: ends it (0 ok, non-zero failed) without running the parent's exit handlers. */
void sv_split_exit(sv_split *sp, int failed) __attribute__((noreturn));
/* In the parent: closes the pipe and waits; 0 when the child succeeded. */
int sv_split_wait(sv_split *sp);

int sv_write_all(int fd, const void *p, size_t n);
int sv_read_all(int fd, void *p, size_t n);

#endif
