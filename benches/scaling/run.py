#!/usr/bin/env python3
"""Run the scaling benchmarks (and the threaded examples of examples/) under
python3 and ftpy and print a table of speed-ups at N threads.

Usage:
    python3 benches/scaling/run.py [--threads N] [--runs R] [--ftpy PATH]
                                   [--python PATH] [--size-scale X]
                                   [--no-examples] [--more] [--only a,b] [--json FILE]
                                   [--timeout S] [--list] [--no-calibrate] [name ...]

Every program prints its result lines (compared with python3's: a
difference is WRONG), a line starting with "time" and a line
"speedup = X".  For the scaling benchmarks X = t1 * N / tN, where N threads
do N times the work of one (N means perfect scaling, 1.0 no gain); for the
examples X = sequential time / threaded time on the same total work.  Each
cell is the median over R processes; the goal column compares ftpy's
median with the acceptance bar (1.8 at 2 threads, 0.7 for the workload
serialized by a lock).

This script runs under any python3 >= 3.9; it is not meant to run under
ftpy itself.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(REPO_ROOT, "examples")

# The threaded examples: name, file, argv template ({size}, {threads}).
EXAMPLE_TABLE = [
    ("ex_two_loops", "two_loops.py", ["{size}"]),
    ("ex_shared_divisors", "shared_divisors.py", ["{size}", "{threads}"]),
    ("ex_chunked_squares", "chunked_squares.py", ["{size}", "{threads}"]),
    ("ex_dice_executor", "dice_pool.py", ["executor", "{size}", "{threads}"]),
    ("ex_dice_threadpool", "dice_pool.py", ["threadpool", "{size}", "{threads}"]),
    ("ex_dice_dummy", "dice_pool.py", ["dummy", "{size}", "{threads}"]),
]
# Acceptance bars at 2 threads (other thread counts: 0.9 * N).
SERIALIZED = {"lock_serialized": 0.7}


class Program:
    def __init__(self, name, path, template):
        self.name = name
        self.path = path
        self.template = template
        with open(path, encoding="utf-8") as f:
            src = f.read()
        m = re.search(r"^DEFAULT_SIZE\s*=\s*([0-9_]+)\s*$", src, re.M)
        self.default_size = int(m.group(1)) if m else None

    def argv(self, args):
        size = self.default_size
        if size is not None and args.size_scale != 1.0:
            size = max(1, round(size * args.size_scale))
        out = []
        for t in self.template:
            out.append(t.format(size=size, threads=args.threads))
        return out

    def goal(self, threads):
        if self.name in SERIALIZED:
            return SERIALIZED[self.name]
        if self.name == "ex_two_loops":
            threads = 2             # always two loops in two threads
        return 1.8 if threads == 2 else 0.9 * threads


def discover(with_examples, more=False):
    progs = []
    where = os.path.join(HERE, "more") if more else HERE
    for fn in sorted(os.listdir(where)):
        if fn.endswith(".py") and fn != "run.py" and not fn.startswith("_"):
            progs.append(Program(fn[:-3], os.path.join(where, fn),
                                 ["{size}", "{threads}"]))
    if more:
        return progs
    if with_examples:
        for name, fn, template in EXAMPLE_TABLE:
            progs.append(Program(name, os.path.join(EXAMPLES, fn), template))
    return progs


def real_python(exe):
    """A pyenv-style shim resolved to the real binary (its start-up is slow)."""
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, timeout=60)
        path = out.stdout.strip()
        if out.returncode == 0 and os.path.isfile(path):
            return path
    except (OSError, subprocess.SubprocessError):
        pass
    return exe


class Outcome:
    def __init__(self):
        self.status = "ok"          # ok | FAIL | WRONG | n/a
        self.speedups = []
        self.t1s = []
        self.cpu_walls = []
        self.cpu_effs = []
        self.error = ""


def split_output(text):
    """(result lines, time line, speedup) of a program's stdout."""
    results, time_line, speedup = [], "", None
    for line in text.splitlines():
        if line.startswith("speedup"):
            m = re.search(r"=\s*([0-9.]+)", line)
            speedup = float(m.group(1)) if m else None
        elif line.startswith("time"):
            time_line = line
        else:
            results.append(line)
    return results, time_line, speedup


def run_once(exe, prog, argv, timeout):
    try:
        p = subprocess.run([exe, prog.path] + argv, capture_output=True, text=True,
                           timeout=timeout, cwd=os.path.dirname(prog.path),
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "timed out after %gs" % timeout
    except OSError as e:
        return None, "cannot start: %s" % e
    if p.returncode != 0:
        lines = [l for l in p.stderr.splitlines() if l.strip()]
        return None, "exit %d: %s" % (p.returncode, lines[-1] if lines else "")
    return p.stdout, ""


def calibrate(threads):
    """The speed-ups of calibrate.c (a pure-ALU C loop) at `threads`
    threads: what this machine lets any program gain. None without a C
    compiler."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "calibrate")
        r = subprocess.run([cc, "-O2", "-pthread", "-o", exe,
                            os.path.join(HERE, "calibrate.c")],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return None
        out = subprocess.run([exe, str(threads), "5"], capture_output=True,
                             text=True).stdout
    return [float(x) for x in re.findall(r"speedup = ([0-9.]+)", out)] or None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO_ROOT, "target")
    ap.add_argument("--ftpy", default=os.path.join(target, "release", "ftpy"))
    ap.add_argument("--python", default=shutil.which("python3") or sys.executable)
    ap.add_argument("--size-scale", type=float, default=1.0)
    ap.add_argument("--no-examples", action="store_true")
    ap.add_argument("--more", action="store_true",
                    help="run the patterns of more/ (outside the acceptance table) instead")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--json")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--no-calibrate", action="store_true",
                    help="skip the C calibration loop (calibrate.c)")
    args = ap.parse_args()

    progs = discover(not args.no_examples, args.more)
    wanted = set(args.names) | {n for n in args.only.split(",") if n}
    if wanted:
        unknown = wanted - {p.name for p in progs}
        if unknown:
            raise SystemExit("unknown: %s (see --list)" % ", ".join(sorted(unknown)))
        progs = [p for p in progs if p.name in wanted]
    if args.list:
        for p in progs:
            print("%-22s %s %s" % (p.name, os.path.relpath(p.path, REPO_ROOT),
                                   " ".join(p.argv(args))))
        return

    impls = [("python3", real_python(args.python))]
    ftpy = os.path.abspath(args.ftpy)
    impls.append(("ftpy", ftpy if os.access(ftpy, os.X_OK) else None))
    load0 = os.getloadavg()
    log = lambda s: print(s, file=sys.stderr, flush=True)
    log("load average %.2f %.2f %.2f; %d threads; %d run(s) each"
        % (load0 + (args.threads, args.runs)))

    ceiling = None if args.no_calibrate else calibrate(args.threads)

    results = {}
    for prog in progs:
        argv = prog.argv(args)
        log("%s %s" % (prog.name, " ".join(argv)))
        outs = {name: Outcome() for name, _ in impls}
        reference = None
        for name, exe in impls:
            if exe is None:
                outs[name].status = "n/a"
                outs[name].error = "%s not built" % args.ftpy
        for _ in range(args.runs):
            for name, exe in impls:
                o = outs[name]
                if o.status != "ok":
                    continue
                stdout, err = run_once(exe, prog, argv, args.timeout)
                if stdout is None:
                    o.status, o.error = "FAIL", err
                    log("  %-8s FAIL %s" % (name, err))
                    continue
                res, time_line, speedup = split_output(stdout)
                if name == "python3":
                    reference = res if reference is None else reference
                elif reference is not None and res != reference:
                    o.status = "WRONG"
                    o.error = "%r != python3's %r" % (res, reference)
                    log("  %-8s WRONG %s" % (name, o.error))
                    continue
                if speedup is None:
                    o.status, o.error = "FAIL", "no speedup line"
                    continue
                o.speedups.append(speedup)
                nums = re.findall(r"[0-9]+\.[0-9]+", time_line)
                if nums:
                    o.t1s.append(float(nums[0]))
                m = re.search(r"cpu/wall = ([0-9.]+)", time_line)
                if m:
                    o.cpu_walls.append(float(m.group(1)))
                m = re.search(r"cpu eff = ([0-9.]+)", time_line)
                if m:
                    o.cpu_effs.append(float(m.group(1)))
                log("  %-8s speedup %.2f   %s" % (name, speedup, time_line))
        results[prog.name] = outs

    load1 = os.getloadavg()
    print()
    print("Speed-up at %d threads, median of %d run(s); load average %.1f at the start,"
          " %.1f at the end" % (args.threads, args.runs, load0[0], load1[0]))
    print("(scaling: t1 * N / tN with N times the work; examples: sequential / threaded;"
          " t1 = one-thread or sequential seconds;")
    print(" cpu/wall and cpu eff: ftpy's, scaling programs only; see README.md)")
    if ceiling:
        print("machine ceiling: a C loop without memory traffic reaches %.2f at %d threads"
              " (calibrate.c; %s)" % (statistics.median(ceiling), args.threads,
                                      " ".join("%.2f" % c for c in ceiling)))
    print()
    head = ["program", "py3 t1", "py3 x", "ftpy t1", "ftpy x", "cpu/wall", "cpu eff", "goal"]
    rows = []
    below = []
    for prog in progs:
        outs = results[prog.name]
        row = [prog.name]
        for name, _ in impls:
            o = outs[name]
            if o.status == "ok" and o.speedups:
                row.append("%.3f" % statistics.median(o.t1s) if o.t1s else "")
                row.append("%.2f" % statistics.median(o.speedups))
            else:
                row += [o.status if o.status != "ok" else "-", ""]
        f = outs["ftpy"]
        row.append("%.2f" % statistics.median(f.cpu_walls) if f.cpu_walls else "")
        row.append("%.2f" % statistics.median(f.cpu_effs) if f.cpu_effs else "")
        goal = prog.goal(args.threads)
        if f.status == "ok" and f.speedups:
            ok = statistics.median(f.speedups) >= goal
            row.append("%s %.1f" % ("ok  " if ok else "LOW ", goal))
            if not ok:
                below.append(prog.name)
        else:
            row.append("")
            below.append(prog.name)
        rows.append(row)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    fmt = "  ".join(("%-" if i == 0 else "%") + str(w) + "s" for i, w in enumerate(widths))
    print(fmt % tuple(head))
    print(fmt % tuple("-" * w for w in widths))
    for r in rows:
        print(fmt % tuple(r))
    print()
    print("below the goal: %s" % (", ".join(below) if below else "none"))
    problems = [(p.name, n, results[p.name][n].error) for p in progs
                for n, _ in impls if results[p.name][n].error]
    for name, impl, err in problems:
        print("  %s (%s): %s" % (name, impl, err))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"threads": args.threads, "runs": args.runs,
                       "load": [load0, load1],
                       "results": {p: {n: vars(o) for n, o in outs.items()}
                                   for p, outs in results.items()}}, f, indent=1)


if __name__ == "__main__":
    main()
