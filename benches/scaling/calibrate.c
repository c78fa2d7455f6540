/* calibrate.c: what N threads can gain on this machine at all.
 *
 * The same pure-ALU loop (no memory traffic, no allocation, no locks) is
 * run N times on one thread, then once on each of N threads, and the
 * speed-up t_sequential / t_threaded is printed, like the examples print
 * theirs.  On an idle machine with N free cores it is N; on a virtual
 * machine whose cores are shared with other tenants it is less, and no
 * program can scale better than this.  run.py compiles it (when a C
 * compiler is on PATH) and prints the median next to its table.
 *
 * Usage: calibrate [threads] [rounds]     (defaults: 2, 5)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define LOOP 150000000L

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *work(void *arg)
{
    volatile unsigned long x = (unsigned long)arg;
    for (long i = 0; i < LOOP; i++)
        x = x * 6364136223846793005UL + 1442695040888963407UL;
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    if (n < 1 || n > 256 || rounds < 1)
        return 2;
    pthread_t tids[256];
    for (int r = 0; r < rounds; r++) {
        double s = now();
        for (int i = 0; i < n; i++)
            work((void *)(long)i);
        double t1 = now() - s;
        s = now();
        for (int i = 0; i < n; i++)
            pthread_create(&tids[i], NULL, work, (void *)(long)i);
        for (int i = 0; i < n; i++)
            pthread_join(tids[i], NULL);
        double tn = now() - s;
        printf("speedup = %.2f\n", t1 / tn);
    }
    return 0;
}
