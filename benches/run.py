#!/usr/bin/env python3
"""Run ftpy's benchmarks side by side with CPython (and PyPy, free-threaded
CPython when installed) and print a table of median wall times and ratios.

Usage:
    python3 benches/run.py [--runs N] [--ftpy PATH] [--only a,b]
                           [--size-scale X] [--threads N] [--json out.json]
                           [--timeout S] [--extra NAME=PATH] [--no-others]
                           [--list] [bench ...]

Every benchmark is a plain script in this directory that takes an optional
size argument (threaded ones also a thread count) and prints one result
line.  Each implementation's stdout must equal python3's: a difference is
reported as WRONG, a crash, a non-zero exit or a timeout as FAIL; neither
counts in the ratios.

Ratios are implementation / python3 on median wall time: below 1.0 means
faster than CPython.  The geometric mean of the ratios is printed per
implementation over the benchmarks it ran correctly.

This script runs under any python3 >= 3.9; it is not meant to run under
ftpy itself.
"""

import argparse
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_FTPY = os.path.join("target", "release", "ftpy")
REFERENCE = "python3"
OTHERS = ["pypy3", "python3.14t", "python3.13t"]


# --------------------------------------------------------------------------
# benchmarks


class Bench:
    def __init__(self, name, path):
        self.name = name
        self.path = path
        self.threaded = name.startswith("threads_")
        with open(path, encoding="utf-8") as f:
            src = f.read()
        m = re.search(r"^DEFAULT_SIZE\s*=\s*([0-9_]+)\s*$", src, re.M)
        self.default_size = int(m.group(1)) if m else None
        m = re.search(r"^SIZE_GROWTH\s*=\s*[\"']([^\"']+)[\"']", src, re.M)
        self.growth = m.group(1) if m else "linear"
        m = re.match(r"#\s*\w+:\s*(.*)", src)
        self.summary = m.group(1).strip() if m else ""

    def size_for(self, scale):
        """The size argument for a --size-scale factor, so that the work
        (not the argument) scales by about that factor."""
        d = self.default_size
        if d is None:
            return None
        if scale == 1.0:
            return d
        g = self.growth.split()
        if g[0] == "linear":
            return max(1, round(d * scale))
        if g[0] == "square":
            return max(1, round(d * math.sqrt(scale)))
        if g[0] == "exp" and len(g) == 2:
            return max(1, d + round(math.log(scale) / math.log(float(g[1]))))
        raise SystemExit("%s: unknown SIZE_GROWTH %r" % (self.name, self.growth))


def discover():
    benches = []
    for fn in sorted(os.listdir(BENCH_DIR)):
        if fn.endswith(".py") and fn != "run.py" and not fn.startswith("_"):
            benches.append(Bench(fn[:-3], os.path.join(BENCH_DIR, fn)))
    # single-threaded ones first, threaded ones at the end
    benches.sort(key=lambda b: (b.threaded, b.name))
    return benches


# --------------------------------------------------------------------------
# implementations


class Impl:
    def __init__(self, name, path, version="", note=""):
        self.name = name
        self.path = path          # None: not available
        self.version = version
        self.note = note          # why it is unavailable, or a warning


def real_python(exe):
    """Resolve a python on PATH to the real binary (pyenv and similar shims
    cost 100+ ms of start-up per run) and read its version.  Returns
    (path, version) or (None, reason)."""
    code = "import sys; print(sys.executable); print(sys.version.split()[0], " \
           "'(%s)' % sys.implementation.name, " \
           "'free-threaded' if not getattr(sys, '_is_gil_enabled', lambda: True)() else '')"
    try:
        out = subprocess.run([exe, "-c", code], capture_output=True, text=True,
                             timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as e:
        return None, "cannot run %s: %s" % (exe, e)
    if out.returncode != 0:
        first = (out.stderr.strip().splitlines() or ["exit %d" % out.returncode])[0]
        return None, "%s does not run: %s" % (exe, first)
    lines = out.stdout.splitlines()
    path = lines[0].strip() if lines else ""
    version = " ".join(lines[1].split()) if len(lines) > 1 else ""
    if not path or not os.path.isfile(path):
        path = exe
    return path, version


def find_ftpy(arg):
    if arg is None:
        path = os.path.join(REPO_ROOT, DEFAULT_FTPY)
    elif os.path.isabs(arg) or os.path.exists(arg):
        path = os.path.abspath(arg)
    else:
        path = os.path.join(REPO_ROOT, arg)
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        return Impl("ftpy", None,
                    note="%s not found (build it: cargo build --release)" % path)
    version = ""
    try:
        out = subprocess.run([path, "-V"], capture_output=True, text=True,
                             timeout=10, stdin=subprocess.DEVNULL)
        version = (out.stdout.strip() or out.stderr.strip()).splitlines()[0] \
            if out.returncode == 0 and (out.stdout.strip() or out.stderr.strip()) else ""
    except (OSError, subprocess.SubprocessError, IndexError):
        pass
    return Impl("ftpy", path, version)


def find_implementations(args):
    impls = []
    ref_exe = args.python or shutil.which("python3") or sys.executable
    path, version = real_python(ref_exe)
    if path is None:
        raise SystemExit("reference python3 unusable: %s" % version)
    ref = Impl(REFERENCE, path, version)
    if not version.startswith("3.11"):
        ref.note = "reference is %s, not CPython 3.11" % version
    impls.append(ref)
    impls.append(find_ftpy(args.ftpy))
    for spec in args.extra:
        if "=" not in spec:
            raise SystemExit("--extra wants NAME=PATH, got %r" % spec)
        name, p = spec.split("=", 1)
        p = os.path.abspath(p)
        if not os.path.isfile(p):
            impls.append(Impl(name, None, note="%s not found" % p))
        else:
            impls.append(Impl(name, p))
    if not args.no_others:
        for name in OTHERS:
            exe = shutil.which(name)
            if exe is None:
                continue
            path, version = real_python(exe)
            if path is None:
                continue          # a shim for a version that is not installed
            impls.append(Impl(name, path, version))
    return impls


# --------------------------------------------------------------------------
# running


class RunResult:
    def __init__(self):
        self.status = "ok"        # ok | FAIL | WRONG
        self.wall = None
        self.cpu = None
        self.stdout = ""
        self.error = ""


def describe_stderr(text):
    """The line of stderr that says what went wrong: its first line, or for a
    Python traceback its last line (the exception), or for a Rust panic the
    location and the message."""
    lines = [l.rstrip() for l in text.splitlines() if l.strip()]
    if not lines:
        return ""
    first = lines[0]
    if first.startswith("Traceback (most recent call last)"):
        return lines[-1]
    if "panicked at" in first and len(lines) > 1:
        return first + " " + lines[1].strip()
    return first


def run_once(impl, bench, argv, timeout):
    r = RunResult()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            # its own session, so that a timeout kills whatever it started too
            proc = subprocess.Popen([impl.path, bench.path] + argv, cwd=REPO_ROOT,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
        except OSError as e:
            r.status = "FAIL"
            r.error = "cannot start: %s" % e
            return r
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            while True:
                try:
                    _, status, usage = os.wait4(proc.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            timer.cancel()
        r.wall = time.perf_counter() - start
        r.cpu = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        r.stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = proc.returncode
    if timed_out:
        r.status = "FAIL"
        r.error = "timed out after %gs" % timeout
    elif code != 0:
        r.status = "FAIL"
        how = "killed by signal %d" % -code if code < 0 else "exit %d" % code
        detail = describe_stderr(stderr)
        r.error = how + (": " + detail if detail else "")
    return r


def first_difference(expected, got):
    e = expected.splitlines()
    g = got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<no line>"
        b = g[i] if i < len(g) else "<no line>"
        if a != b:
            return "line %d: expected %r, got %r" % (i + 1, a[:120], b[:120])
    return "outputs differ"


class Outcome:
    """All runs of one implementation on one benchmark."""

    def __init__(self):
        self.status = "ok"        # ok | FAIL | WRONG | unchecked | n/a
        self.walls = []
        self.cpus = []
        self.error = ""

    def median_wall(self):
        return statistics.median(self.walls) if self.walls else None

    def median_cpu(self):
        return statistics.median(self.cpus) if self.cpus else None


def run_bench(bench, impls, args, log):
    size = bench.size_for(args.size_scale)
    argv = [] if size is None else [str(size)]
    if bench.threaded:
        argv.append(str(args.threads))
    outcomes = {impl.name: Outcome() for impl in impls}
    reference_out = None
    notes = []
    for impl in impls:
        if impl.path is None:
            outcomes[impl.name].status = "n/a"
            outcomes[impl.name].error = impl.note
    # runs are interleaved across implementations, so that a slow drift of the
    # machine (another job starting, thermal limits) hits all of them alike
    for run in range(args.runs):
        for impl in impls:
            o = outcomes[impl.name]
            if o.status not in ("ok", "unchecked"):
                continue
            r = run_once(impl, bench, argv, args.timeout)
            if r.status == "FAIL":
                o.status = "FAIL"
                o.error = r.error
                log("  %-12s FAIL  %s" % (impl.name, r.error))
                continue
            if impl.name == REFERENCE:
                if reference_out is None:
                    reference_out = r.stdout
                elif r.stdout != reference_out:
                    notes.append("python3's output changed between runs "
                                 "(the benchmark is not deterministic): "
                                 + first_difference(reference_out, r.stdout))
            elif reference_out is None:
                o.status = "unchecked"
            elif r.stdout != reference_out:
                o.status = "WRONG"
                o.error = first_difference(reference_out, r.stdout)
                o.walls.append(r.wall)
                o.cpus.append(r.cpu)
                log("  %-12s WRONG %s" % (impl.name, o.error))
                continue
            o.walls.append(r.wall)
            o.cpus.append(r.cpu)
            if run == 0:
                log("  %-12s %7.3fs wall %7.3fs cpu  %s"
                    % (impl.name, r.wall, r.cpu, r.stdout.strip().splitlines()[-1][:70]
                       if r.stdout.strip() else "(no output)"))
    if outcomes[REFERENCE].status != "ok":
        notes.append("python3 failed, so no output could be checked")
        for impl in impls:
            o = outcomes[impl.name]
            if impl.name != REFERENCE and o.status == "ok":
                o.status = "unchecked"
    return argv, outcomes, reference_out, notes


# --------------------------------------------------------------------------
# reporting


def ratio(outcomes, name):
    o = outcomes[name]
    ref = outcomes[REFERENCE]
    if o.status != "ok" or ref.status != "ok" or not o.walls or not ref.walls:
        return None
    return o.median_wall() / ref.median_wall()


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def cell(o):
    if o.status in ("ok", "unchecked"):
        s = "%.3f" % o.median_wall()
        return s + ("?" if o.status == "unchecked" else "")
    if o.status == "WRONG":
        return "WRONG"
    if o.status == "FAIL":
        return "FAIL"
    return "-"


def print_report(benches, impls, results, args):
    names = [i.name for i in impls]
    others = [n for n in names if n != REFERENCE]
    print()
    print("Median wall time in seconds over %d run(s); ratio = implementation / python3,"
          % args.runs)
    print("below 1.0 means faster than CPython.  FAIL = crash, non-zero exit or timeout;"
          " WRONG = output differs")
    print("from python3's; '-' = not available; '?' = not checked (python3 failed).")
    print()
    headers = ["benchmark"]
    for n in names:
        headers.append(n)
        if n != REFERENCE:
            headers.append(n + "/py3")
    rows = []
    for b in benches:
        outcomes = results[b.name]["outcomes"]
        row = [b.name]
        for n in names:
            row.append(cell(outcomes[n]))
            if n != REFERENCE:
                r = ratio(outcomes, n)
                row.append("%.2f" % r if r is not None else "")
        rows.append(row)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    fmt = "  ".join(("%-" if i == 0 else "%") + str(w) + "s" for i, w in enumerate(widths))
    print(fmt % tuple(headers))
    print(fmt % tuple("-" * w for w in widths))
    for row in rows:
        print(fmt % tuple(row))
    print()
    geo = {}
    for n in others:
        rs = [ratio(results[b.name]["outcomes"], n) for b in benches]
        rs = [r for r in rs if r is not None]
        g = geomean(rs)
        geo[n] = {"geomean": g, "benchmarks": len(rs), "of": len(benches)}
        if g is None:
            print("geometric mean %s/python3: n/a (0 of %d benchmarks ran correctly)"
                  % (n, len(benches)))
        else:
            print("geometric mean %s/python3: %.3f over %d of %d benchmarks (%s)"
                  % (n, g, len(rs), len(benches),
                     "faster than CPython" if g < 1.0 else "slower than CPython"))

    threaded = [b for b in benches if b.threaded]
    if threaded:
        print()
        print("Parallelism of the threaded benchmarks (%d threads): median CPU seconds"
              " (user+sys) / median wall seconds;" % args.threads)
        print("near 1.0 = the threads ran one at a time, near %d = all ran in parallel."
              % args.threads)
        print()
        headers = ["benchmark"] + names
        rows = []
        for b in threaded:
            row = [b.name]
            for n in names:
                o = results[b.name]["outcomes"][n]
                if o.status in ("ok", "unchecked") and o.walls:
                    row.append("%.2f" % (o.median_cpu() / o.median_wall()))
                else:
                    row.append(cell(o))
            rows.append(row)
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        fmt = "  ".join(("%-" if i == 0 else "%") + str(w) + "s" for i, w in enumerate(widths))
        print(fmt % tuple(headers))
        print(fmt % tuple("-" * w for w in widths))
        for row in rows:
            print(fmt % tuple(row))

    problems = []
    for b in benches:
        for n in names:
            o = results[b.name]["outcomes"][n]
            if o.status in ("FAIL", "WRONG"):
                problems.append("%s on %s: %s %s" % (n, b.name, o.status, o.error))
        for note in results[b.name]["notes"]:
            problems.append("%s: %s" % (b.name, note))
    unavailable = [i for i in impls if i.path is None]
    if problems or unavailable:
        print()
        print("Problems:")
        for i in unavailable:
            print("  %s: not available: %s" % (i.name, i.note))
        for p in problems:
            print("  " + p)
    return geo


def write_json(path, benches, impls, results, geo, args):
    data = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                    "processor": platform.processor()},
        "runs": args.runs,
        "size_scale": args.size_scale,
        "threads": args.threads,
        "implementations": {i.name: {"path": i.path, "version": i.version, "note": i.note}
                            for i in impls},
        "benchmarks": {},
        "geomean_ratio": geo,
    }
    for b in benches:
        res = results[b.name]
        entry = {"args": res["argv"], "threaded": b.threaded, "expected_output": res["expected"],
                 "notes": res["notes"], "results": {}}
        for i in impls:
            o = res["outcomes"][i.name]
            entry["results"][i.name] = {
                "status": o.status, "error": o.error, "wall": o.walls, "cpu": o.cpus,
                "median_wall": o.median_wall(), "median_cpu": o.median_cpu(),
                "ratio": ratio(res["outcomes"], i.name) if i.name != REFERENCE else 1.0,
            }
        data["benchmarks"][b.name] = entry
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


# --------------------------------------------------------------------------


def main():
    p = argparse.ArgumentParser(
        description="Run ftpy's benchmarks against python3 and other implementations.",
        epilog="Ratios are implementation/python3 on median wall time: below 1.0 is faster.")
    p.add_argument("benches", nargs="*", metavar="bench", help="benchmarks to run (default: all)")
    p.add_argument("--runs", type=int, default=5, help="runs per implementation (default 5)")
    p.add_argument("--ftpy", metavar="PATH",
                   help="the ftpy binary (default: %s in the repository root)" % DEFAULT_FTPY)
    p.add_argument("--python", metavar="PATH", help="the reference python3 (default: python3 on PATH)")
    p.add_argument("--only", metavar="A,B", default="", help="comma-separated benchmarks to run")
    p.add_argument("--size-scale", type=float, default=1.0, metavar="X",
                   help="scale every benchmark's work by about X (default 1.0)")
    p.add_argument("--threads", type=int, default=2, help="threads for threads_* benchmarks (default 2)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="S",
                   help="seconds before a run is killed and counted as FAIL (default 300)")
    p.add_argument("--extra", action="append", default=[], metavar="NAME=PATH",
                   help="also run another interpreter, e.g. an older ftpy build (repeatable)")
    p.add_argument("--no-others", action="store_true",
                   help="do not look for pypy3, python3.14t, python3.13t on PATH")
    p.add_argument("--json", metavar="FILE", help="write the raw numbers to FILE")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    args = p.parse_args()
    if args.runs < 1 or args.threads < 1 or args.size_scale <= 0:
        p.error("--runs and --threads must be >= 1, --size-scale > 0")

    benches = discover()
    if args.list:
        for b in benches:
            print("%-26s size %-9s %-10s %s" % (b.name, b.size_for(args.size_scale),
                                                 b.growth, b.summary))
        return 0
    wanted = list(args.benches) + [s.strip() for s in args.only.split(",") if s.strip()]
    if wanted:
        wanted = [w[:-3] if w.endswith(".py") else w for w in wanted]
        known = {b.name for b in benches}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            p.error("unknown benchmark(s): %s (see --list)" % ", ".join(unknown))
        benches = [b for b in benches if b.name in wanted]

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    impls = find_implementations(args)
    for i in impls:
        if i.path:
            log("%-12s %s %s%s" % (i.name, i.path, i.version, ("  [" + i.note + "]") if i.note else ""))
        else:
            log("%-12s not available: %s" % (i.name, i.note))

    results = {}
    for b in benches:
        size = b.size_for(args.size_scale)
        log("%s (size %s%s)" % (b.name, size, ", %d threads" % args.threads if b.threaded else ""))
        argv, outcomes, expected, notes = run_bench(b, impls, args, log)
        results[b.name] = {"argv": argv, "outcomes": outcomes, "expected": expected, "notes": notes}

    geo = print_report(benches, impls, results, args)
    if args.json:
        write_json(args.json, benches, impls, results, geo, args)
        print("\nraw numbers written to %s" % args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
