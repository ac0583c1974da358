/* Times one run of a command as precisely as the clock allows: from just before posix_spawnp to
 * wait4's return, so neither a shell, date(1) nor /usr/bin/time starting up is counted (each is
 * a millisecond or two, a few per cent of a 40 ms command), and the child's peak RSS from wait4.
 * Appends "seconds megabytes" to FILE, as bench/letter.sh's timed() did with /usr/bin/time, and
 * exits with the command's status. Usage: bench_run FILE COMMAND [ARG...] */
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_run FILE COMMAND [ARG...]\n");
        return 2;
    }
    struct timespec a, b;
    pid_t pid;
    clock_gettime(CLOCK_MONOTONIC, &a);
    if (posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ) != 0) {
        perror(argv[2]);
        return 127;
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid) {
        perror("wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    FILE *f = fopen(argv[1], "a");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fprintf(f, "%.6f %ld\n", (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9, ru.ru_maxrss / 1024);
    return fclose(f) == 0 ? 0 : 2;
}
