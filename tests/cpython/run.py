#!/usr/bin/env python3
"""Runs modules of CPython 3.11's own test suite under ftpy and compares the
per-case results with tests/cpython/expectations.txt.

Each module runs in its own process, `ftpy -m unittest -v test.<name>`, with
the standard library (and so the `test` package) taken from the CPython
installation that has it (see --stdlib). The -v report is parsed into one
result per case: ok, FAIL, ERROR or skipped (an expected failure counts as
ok, an unexpected success as FAIL; a case whose subtests fail is FAIL or
ERROR once). A process that crashes (signal, panic, abort) or times out adds
one ERROR case `<crash>` / `<timeout>` for the module.

Exit status: 0 when every module expected to pass in full did, and no case
outside a module's list of expected failures failed; 1 otherwise; 2 for a
usage error. Cases on a list that now pass are reported (not an error), so
the list can be trimmed with --update.

Usage:
  tests/cpython/run.py                      # every module in the expectations
  tests/cpython/run.py test_int test_float  # chosen modules
  tests/cpython/run.py --passing            # only those expected to pass in full
  tests/cpython/run.py --update test_int    # rewrite the module's expectations
Options: --ftpy PATH, -j N, --timeout SECONDS, --stdlib DIR, --show-failures.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXPECTATIONS = os.path.join(HERE, "expectations.txt")

OK, FAIL, ERROR, SKIP = "ok", "FAIL", "ERROR", "skipped"


# ---------------------------------------------------------------------------
# The expectations file
#
#   # comment
#   test_int: pass                  every case passes
#   test_float:                     these cases fail (FAIL or ERROR), with why
#       GeneralFloatCases.test_x: reason
#   test_slow: skip  # reason       not run (the reason says why)
# ---------------------------------------------------------------------------


class Expect:
    def __init__(self, name):
        self.name = name
        self.mode = "list"  # "pass", "list" or "skip"
        self.reason = ""  # for "skip"
        self.failing = {}  # case -> reason


def load_expectations(path):
    mods = {}
    order = []
    cur = None
    if not os.path.exists(path):
        return mods, order
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                name, sep, rest = line.partition(":")
                if not sep:
                    raise SystemExit(f"{path}:{lineno}: expected 'test_name: ...'")
                name = name.strip()
                rest, _, comment = rest.partition("#")
                rest = rest.strip()
                cur = Expect(name)
                if rest == "pass":
                    cur.mode = "pass"
                elif rest == "skip":
                    cur.mode = "skip"
                    cur.reason = comment.strip()
                elif rest:
                    raise SystemExit(f"{path}:{lineno}: unknown mode {rest!r}")
                mods[name] = cur
                order.append(name)
            else:
                if cur is None or cur.mode != "list":
                    raise SystemExit(f"{path}:{lineno}: case outside a module's list")
                case, sep, reason = line.strip().partition(":")
                cur.failing[case.strip()] = reason.strip()
    return mods, order


def write_expectations(path, mods, order, header):
    out = [header.rstrip("\n"), ""]
    for name in order:
        e = mods[name]
        if e.mode == "pass":
            out.append(f"{name}: pass")
        elif e.mode == "skip":
            out.append(f"{name}: skip  # {e.reason}")
        else:
            out.append(f"{name}:")
            for case in sorted(e.failing):
                out.append(f"    {case}: {e.failing[case]}")
        out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip("\n") + "\n")


def read_header(path):
    lines = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                lines.append(line)
    return "".join(lines)


# ---------------------------------------------------------------------------
# Running one module and parsing unittest's -v report
# ---------------------------------------------------------------------------

HEADER = re.compile(r"^ *([\w.]+) \(([\w.<>]+)\)", re.M)
STATUS = re.compile(
    r" \.\.\. (ok|FAIL|ERROR|skipped|expected failure|unexpected success)\b"
)
BLOCK = re.compile(r"^(FAIL|ERROR): ([\w.]+) \(([\w.<>]+)\)", re.M)
SEPARATOR = re.compile(r"^(?:={70}|-{70})$", re.M)
RAN = re.compile(r"^Ran (\d+) tests? in ", re.M)


def case_key(module, name, ident):
    """`Class.test_x` for `test_x (test.mod.Class.test_x)`; a class-level
    fixture (`setUpClass (test.mod.Class)`) is `Class.setUpClass`."""
    prefix = f"test.{module}."
    rest = ident[len(prefix):] if ident.startswith(prefix) else ident
    if rest == name or rest.endswith("." + name):
        return rest
    return f"{rest}.{name}"


def parse_report(module, text):
    """{case: status} from unittest -v output (stderr)."""
    results = {}
    # The progress part ends where the first failure block or the closing
    # separator starts.
    m = SEPARATOR.search(text)
    progress = text[: m.start()] if m else text
    heads = [h for h in HEADER.finditer(progress) if not h.group(0).startswith(" ")]
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(progress)
        key = case_key(module, h.group(1), h.group(2))
        found = STATUS.findall(progress[h.start():end])
        status = None
        for word in found:
            if word in ("FAIL", "unexpected success"):
                status = FAIL if status != ERROR else status
            elif word == "ERROR":
                status = ERROR
            elif word == "skipped" and status is None:
                status = SKIP
            elif status is None:
                status = OK
        results[key] = status or ERROR  # no status: the run stopped inside it
    for b in BLOCK.finditer(text):
        key = case_key(module, b.group(2), b.group(3))
        if results.get(key) != ERROR:
            results[key] = ERROR if b.group(1) == "ERROR" else FAIL
    return results


def failure_reasons(module, text):
    """{case: the exception line of its first failure block}, to seed the
    reasons of new entries in the expectations."""
    reasons = {}
    blocks = list(BLOCK.finditer(text))
    for i, b in enumerate(blocks):
        key = case_key(module, b.group(2), b.group(3))
        end = blocks[i + 1].start() if i + 1 < len(blocks) else len(text)
        body = text[b.end():end]
        m = RAN.search(body)
        if m:
            body = body[: m.start()]
        lines = [l for l in body.splitlines()
                 if l.strip() and not SEPARATOR.match(l)]
        excs = [l for l in lines
                if not l.startswith(" ") and not l.startswith("Traceback") and
                re.match(r"^[\w.]+(Error|Exception|Exit|Interrupt|Warning)?\b", l)]
        exc = excs[0] if excs else ""
        # A module that cannot be imported: the cause is the last line.
        if exc.startswith("ImportError: Failed to import test module"):
            exc = excs[-1]
        exc = re.sub(r"0x[0-9a-f]{4,}", "0x…", exc)  # addresses vary per run
        if key not in reasons and exc:
            reasons[key] = exc if len(exc) <= 100 else exc[:97] + "..."
    return reasons


def find_stdlib():
    """The CPython 3.11 library that has the `test` package."""
    env = os.environ.get("FTPY_STDLIB")
    if env:
        return env
    # The interpreter running this script (normally CPython 3.11), then
    # the places ftpy itself looks.
    candidates = []
    if sys.version_info[:2] == (3, 11):
        import sysconfig
        candidates.append(sysconfig.get_paths()["stdlib"])
    home = os.path.expanduser("~")
    vdir = os.path.join(home, ".pyenv", "versions")
    if os.path.isdir(vdir):
        for v in sorted(os.listdir(vdir), reverse=True):
            if v.startswith("3.11"):
                candidates.append(os.path.join(vdir, v, "lib", "python3.11"))
    candidates += ["/usr/lib/python3.11", "/usr/local/lib/python3.11"]
    for c in candidates:
        if os.path.isfile(os.path.join(c, "test", "test_int.py")):
            return c
    return None


def default_ftpy():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "debug", "ftpy")


class Result:
    def __init__(self, name):
        self.name = name
        self.cases = {}
        self.problem = ""  # "crash (...)", "timeout", "" when it ran to the end
        self.seconds = 0.0
        self.stderr = ""

    def count(self, status):
        return sum(1 for s in self.cases.values() if s == status)


def run_module(ftpy, stdlib, name, timeout):
    res = Result(name)
    env = dict(os.environ)
    for var in ("PYTHONPATH", "FTPY_PATH", "FTPY_GC_STRESS", "PYTHONWARNINGS"):
        env.pop(var, None)
    env.update(
        FTPY_STDLIB=stdlib,
        PYTHONIOENCODING="utf-8",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONHASHSEED="0",
    )
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"ftpy-{name}-") as cwd:
        try:
            p = subprocess.run(
                [ftpy, "-m", "unittest", "-v", f"test.{name}"],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                timeout=timeout,
            )
            out = p.stderr.decode("utf-8", "replace")
            rc = p.returncode
        except subprocess.TimeoutExpired as e:
            out = (e.stderr or b"").decode("utf-8", "replace")
            rc = None
    res.seconds = time.monotonic() - start
    res.stderr = out
    res.cases = parse_report(name, out)
    if rc is None:
        res.problem = f"timeout after {timeout}s"
        res.cases["<timeout>"] = ERROR
    elif rc < 0 or rc in (101, 134) or "panicked at" in out or "fatal runtime error" in out:
        res.problem = f"crash (status {rc})"
        res.cases["<crash>"] = ERROR
    elif not RAN.search(out):
        res.problem = f"no report (status {rc})"
        res.cases["<no report>"] = ERROR
    return res


# ---------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*", help="test modules (test_int ...)")
    ap.add_argument("--ftpy", default=default_ftpy(), help="the ftpy binary")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=600, help="seconds per module")
    ap.add_argument("--stdlib", default=None, help="CPython lib dir with test/")
    ap.add_argument("--expectations", default=EXPECTATIONS)
    ap.add_argument("--passing", action="store_true",
                    help="run only the modules expected to pass in full")
    ap.add_argument("--update", action="store_true",
                    help="rewrite the expectations of the modules run")
    ap.add_argument("--show-failures", action="store_true",
                    help="print ftpy's report of each module with unexpected results")
    args = ap.parse_args()

    stdlib = args.stdlib or find_stdlib()
    if not stdlib or not os.path.isfile(os.path.join(stdlib, "test", "test_int.py")):
        print("run.py: no CPython 3.11 library with the test package found "
              "(give --stdlib or FTPY_STDLIB)", file=sys.stderr)
        return 2
    if not os.access(args.ftpy, os.X_OK):
        print(f"run.py: {args.ftpy} is not an executable (build it, or give --ftpy)",
              file=sys.stderr)
        return 2
    mods, order = load_expectations(args.expectations)
    names = args.modules or [n for n in order if mods[n].mode != "skip"]
    if args.passing:
        names = [n for n in names if n in mods and mods[n].mode == "pass"]
    for n in names:
        if not os.path.exists(os.path.join(stdlib, "test", n + ".py")) and not \
                os.path.isdir(os.path.join(stdlib, "test", n)):
            print(f"run.py: no module test.{n} in {stdlib}", file=sys.stderr)
            return 2

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(
            lambda n: run_module(args.ftpy, stdlib, n, args.timeout), names))

    bad = 0
    width = max([len(n) for n in names] + [6])
    print(f"{'module':<{width}} {'cases':>6} {'passed':>6} {'failed':>6} "
          f"{'errors':>6} {'skipped':>7} {'secs':>6}  verdict")
    tot = {"cases": 0, OK: 0, FAIL: 0, ERROR: 0, SKIP: 0}
    notes = []
    for r in results:
        e = mods.get(r.name)
        failing = {c for c, s in r.cases.items() if s in (FAIL, ERROR)}
        if e is None or e.mode == "skip":
            verdict = "no expectations"
            unexpected = set()
        elif e.mode == "pass":
            unexpected = failing
            verdict = "ok" if not failing else "UNEXPECTED FAILURES"
        else:
            unexpected = failing - set(e.failing)
            fixed = sorted(set(e.failing) - failing)
            verdict = "ok (as listed)" if not unexpected else "UNEXPECTED FAILURES"
            ran_to_end = not r.problem
            if fixed and ran_to_end:
                notes.append(f"{r.name}: now passing (trim with --update): "
                             + ", ".join(fixed[:8]) + (" ..." if len(fixed) > 8 else ""))
        if r.problem:
            verdict += f" [{r.problem}]"
        if unexpected:
            bad += 1
            notes.append(f"{r.name}: unexpected: "
                         + ", ".join(f"{c} {r.cases[c]}" for c in sorted(unexpected)))
            if args.show_failures:
                notes.append(r.stderr)
        n = len(r.cases)
        tot["cases"] += n
        for s in (OK, FAIL, ERROR, SKIP):
            tot[s] += r.count(s)
        print(f"{r.name:<{width}} {n:>6} {r.count(OK):>6} {r.count(FAIL):>6} "
              f"{r.count(ERROR):>6} {r.count(SKIP):>7} {r.seconds:>6.1f}  {verdict}")
    run_cases = tot[OK] + tot[FAIL] + tot[ERROR]
    pct = 100.0 * tot[OK] / run_cases if run_cases else 0.0
    full = sum(1 for r in results if r.count(FAIL) + r.count(ERROR) == 0)
    print(f"{'total':<{width}} {tot['cases']:>6} {tot[OK]:>6} {tot[FAIL]:>6} "
          f"{tot[ERROR]:>6} {tot[SKIP]:>7}")
    print(f"{pct:.1f}% of the cases run passed (skipped cases not counted); "
          f"{full} of {len(results)} modules passed in full")
    for note in notes:
        print(note)

    if args.update:
        for r in results:
            e = mods.get(r.name)
            if e is None:
                e = mods[r.name] = Expect(r.name)
                order.append(r.name)
            failing = {c: s for c, s in r.cases.items() if s in (FAIL, ERROR)}
            if not failing:
                e.mode, e.failing = "pass", {}
            else:
                old = e.failing if e.mode == "list" else {}
                e.mode = "list"
                why = failure_reasons(r.name, r.stderr)
                e.failing = {c: old.get(c) or (r.problem if c.startswith("<") else
                                               why.get(c, s))
                             for c, s in failing.items()}
        write_expectations(args.expectations, mods, order, read_header(args.expectations))
        print(f"updated {os.path.relpath(args.expectations)}")
        return 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
