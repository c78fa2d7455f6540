#!/usr/bin/env python3
"""Start-up time of ftpy against python3: `-c pass` and
`-c "import collections, random, re, json, threading, concurrent.futures"`.

Usage:
    python3 benches/startup/run.py [--runs N] [--ftpy PATH] [--python PATH]
                                   [--no-cold] [--json FILE]

Each command runs as a whole process, N times per implementation (default
20), interleaved (ftpy, python3, ftpy, python3 ...) so that a drift of the
machine hits both alike; the table gives the median wall time and the
median CPU time (user + sys, from `wait4`) and ftpy/python3 ratios of each
(below 1.0: ftpy starts faster).

ftpy is measured in two states of its compiled-code cache (see
crates/ftpy-vm/src/import/cache.rs):
- warm: the cache holds every module the command imports (one untimed run
  first fills it: that run is given an environment without
  PYTHONDONTWRITEBYTECODE, which would stop ftpy writing the cache);
- cold: the cache is off (FTPY_CODE_CACHE=0), so every module is compiled
  from source on every run.
python3 runs with the environment as it is (it reads the `.pyc` files of
its installation either way).

This script runs under any python3 >= 3.9; it is not meant to run under
ftpy itself.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_FTPY = os.path.join(REPO_ROOT, "target", "release", "ftpy")

COMMANDS = [
    ("pass", "pass"),
    ("imports", "import collections, random, re, json, threading, concurrent.futures"),
]


def real_python(exe):
    """The real binary behind a python on PATH (a pyenv shim costs start-up
    time of its own, which is not python's)."""
    try:
        out = subprocess.run(
            [exe, "-c", "import sys, platform; print(sys.executable); print(platform.python_version())"],
            capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SystemExit("python3 unusable: %s" % e)
    lines = out.stdout.split()
    if out.returncode != 0 or len(lines) < 2:
        raise SystemExit("python3 unusable: %s" % out.stderr.strip())
    return lines[0], lines[1]


def run_once(argv, env):
    """(wall seconds, cpu seconds) of one process; raises on failure."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            text = err.read().decode("utf-8", "replace").strip().splitlines()
            raise SystemExit("%s failed (exit %s): %s" % (" ".join(argv), proc.returncode,
                                                         text[-1] if text else ""))
    return wall, usage.ru_utime + usage.ru_stime


def main():
    p = argparse.ArgumentParser(description="ftpy start-up time against python3.")
    p.add_argument("--runs", type=int, default=20, help="runs per command and implementation (default 20)")
    p.add_argument("--ftpy", metavar="PATH", default=DEFAULT_FTPY,
                   help="the ftpy binary (default: target/release/ftpy in the repository)")
    p.add_argument("--python", metavar="PATH", help="the reference python3 (default: python3 on PATH)")
    p.add_argument("--no-cold", action="store_true", help="skip ftpy with the cache off")
    p.add_argument("--json", metavar="FILE", help="write the raw numbers to FILE")
    args = p.parse_args()
    if args.runs < 1:
        p.error("--runs must be >= 1")
    ftpy = os.path.abspath(args.ftpy)
    if not os.path.isfile(ftpy):
        raise SystemExit("ftpy not found at %s (cargo build --release -p ftpy)" % ftpy)
    py, version = real_python(args.python or shutil.which("python3") or sys.executable)
    print("python3: %s (%s)" % (py, version), file=sys.stderr, flush=True)
    print("ftpy:    %s" % ftpy, file=sys.stderr, flush=True)

    env = dict(os.environ)
    fill_env = dict(env)
    fill_env.pop("PYTHONDONTWRITEBYTECODE", None)
    fill_env.pop("FTPY_CODE_CACHE", None)
    warm_env = dict(fill_env)
    warm_env["PYTHONDONTWRITEBYTECODE"] = "1"   # the cache is full: no writes while timing
    cold_env = dict(env)
    cold_env["FTPY_CODE_CACHE"] = "0"

    variants = [("ftpy (warm cache)", ftpy, warm_env)]
    if not args.no_cold:
        variants.append(("ftpy (cold: no cache)", ftpy, cold_env))

    results = {}
    for key, code in COMMANDS:
        # Fill the cache, and one untimed run of each to warm the OS's caches.
        run_once([ftpy, "-c", code], fill_env)
        run_once([py, "-c", code], env)
        for _, exe, e in variants:
            run_once([exe, "-c", code], e)
        samples = {name: ([], []) for name, _, _ in variants}
        samples["python3"] = ([], [])
        for _ in range(args.runs):
            for name, exe, e in variants + [("python3", py, env)]:
                w, c = run_once([exe, "-c", code], e)
                samples[name][0].append(w)
                samples[name][1].append(c)
        results[key] = {"code": code, "samples": samples}

    print("%-9s %-22s %9s %9s %10s %10s" % ("command", "implementation", "wall s", "cpu s",
                                             "wall/py3", "cpu/py3"))
    print("-" * 75)
    for key, code in COMMANDS:
        s = results[key]["samples"]
        pw = statistics.median(s["python3"][0])
        pc = statistics.median(s["python3"][1])
        print("%-9s %-22s %9.4f %9.4f %10s %10s" % (key, "python3", pw, pc, "", ""))
        for name, _, _ in variants:
            w = statistics.median(s[name][0])
            c = statistics.median(s[name][1])
            print("%-9s %-22s %9.4f %9.4f %10.2f %10.2f" % (key, name, w, c, w / pw,
                                                           c / pc if pc else float("nan")))
    print()
    for key, code in COMMANDS:
        print("%-9s -c %r" % (key, code))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"python3": py, "ftpy": ftpy, "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
