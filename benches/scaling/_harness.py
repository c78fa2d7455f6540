# _harness: the measuring loop shared by the scaling benchmarks.
#
# A scaling benchmark defines `work(n, slot)`, which does n units of work
# for thread number `slot` and returns an int checksum, and calls
# `main(work, DEFAULT_SIZE)`.  main() times the same per-thread work on
# 1 thread (t1) and on N threads at once (tN: N times the total work), a few
# times each, interleaved, and prints
#
#     NAME: result R1 | RN (threads=N)          <- deterministic
#     time t1 = 0.412 s  tN = 0.431 s  cpu/wall = 1.96  cpu eff = 0.99  (median of 3)
#     speedup = 1.91
#
# where speedup = t1 * N / tN (the median over the pairs of runs, each
# t1 run followed by a tN run): N when the threads run fully in parallel
# (free threading on N free cores), 1.0 when they take turns (a GIL).
# cpu/wall is the process CPU time over the wall time of the N-thread runs
# (N when all threads run all the time).  cpu eff is the CPU time of the
# 1-thread run times N over the CPU time the N threads used: 1.0 when a
# thread's work costs as much CPU alone as next to others; lower when the
# threads slow each other down (shared cache lines written, spinning).  It
# does not depend on how loaded the machine is, the speed-up does.
# Only the first line is compared between interpreters; the lines starting
# with "time" and "speedup" are measurements.
#
# Only `_thread`, `sys` and `time` are imported here (no `os`,
# `statistics` or `threading`), so the harness adds nothing to measure.
# Threads are started with `_thread` and released together through a
# lock, so thread start-up is not timed.
#
# Usage of every benchmark: NAME.py [size] [threads] [repeats]
#   size     units of work per thread (default: the benchmark's DEFAULT_SIZE)
#   threads  N (default 2)
#   repeats  timed runs of each kind (default 3; the medians are printed)

import _thread
import sys
import time


def _median(xs):
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def _run(work, n, nthreads):
    """Runs work(n, slot) on nthreads new threads at once; returns
    (wall seconds, process CPU seconds, [results by slot], [thread CPU
    seconds by slot])."""
    results = [None] * nthreads
    cpus = [0.0] * nthreads
    errors = []
    ready = [_thread.allocate_lock() for _ in range(nthreads)]
    done = [_thread.allocate_lock() for _ in range(nthreads)]
    gate = _thread.allocate_lock()
    gate.acquire()

    def body(slot):
        try:
            ready[slot].release()
            gate.acquire()
            gate.release()
            c0 = time.thread_time()
            results[slot] = work(n, slot)
            cpus[slot] = time.thread_time() - c0
        except BaseException as e:  # reported by the main thread
            errors.append(e)
        finally:
            done[slot].release()

    for slot in range(nthreads):
        ready[slot].acquire()
        done[slot].acquire()
        _thread.start_new_thread(body, (slot,))
    for lock in ready:
        lock.acquire()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    gate.release()
    for lock in done:
        lock.acquire()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    if errors:
        raise errors[0]
    return wall, cpu, results, cpus


def main(work, default_size, name=None):
    if name is None:
        name = sys.argv[0].replace("\\", "/").rsplit("/", 1)[-1]
        name = name[:-3] if name.endswith(".py") else name
    size = int(sys.argv[1]) if len(sys.argv) > 1 else default_size
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if size < 1 or nthreads < 1 or repeats < 1:
        raise SystemExit("size, threads and repeats must be positive")

    _run(work, max(1, size // 20), 1)          # warm-up: imports, caches
    t1s, tns, ratios, speedups, effs = [], [], [], [], []
    r1 = rn = None
    for _ in range(repeats):
        wall, _cpu, res, cpus1 = _run(work, size, 1)
        t1s.append(wall)
        r1 = res[0] if r1 is None else r1
        if res[0] != r1:
            raise SystemExit("%s: 1-thread result changed: %r != %r" % (name, res[0], r1))
        wall, cpu, res, cpus = _run(work, size, nthreads)
        tns.append(wall)
        ratios.append(cpu / wall if wall > 0 else 0.0)
        speedups.append(t1s[-1] * nthreads / wall if wall > 0 else 0.0)
        effs.append(cpus1[0] * nthreads / sum(cpus) if sum(cpus) > 0 else 0.0)
        total = sum(res)
        rn = total if rn is None else rn
        if total != rn:
            raise SystemExit("%s: %d-thread result changed: %r != %r" % (name, nthreads, total, rn))
    t1 = _median(t1s)
    tn = _median(tns)
    print("%s: result %d | %d (threads=%d)" % (name, r1, rn, nthreads))
    print("time t1 = %.3f s  tN = %.3f s  cpu/wall = %.2f  cpu eff = %.2f  (median of %d)"
          % (t1, tn, _median(ratios), _median(effs), repeats))
    print("speedup = %.2f" % _median(speedups))
