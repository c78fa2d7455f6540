#!/usr/bin/env python3
"""The standard-library acceptance check: every .py file of the standard
library compiles under ftpy (exactly when it compiles under CPython), and
every module that is pure Python and needs no native module ftpy lacks
imports under ftpy.

Run with CPython 3.11 (the reference) from the repository root:

    python3 tests/stdlib_imports.py [--ftpy PATH] [--jobs N] [--only NAME ...]

ftpy is `$FTPY_TEST_BIN`, else `$CARGO_TARGET_DIR/debug/ftpy`, else
`target/debug/ftpy`. The standard library checked is the one ftpy uses
(found from the `__file__` of a module ftpy imports).

How "needs" is decided: each module is imported under CPython in a fresh
process (`python3 -S`), which records the native modules in use (built
into CPython or C extensions: `.so` files). Then it is imported under
ftpy in a fresh process. If ftpy fails, the failure counts as "needs a
native module ftpy lacks" when the exception (or one in its
`__context__`/`__cause__` chain) is an ImportError naming a module that is
native in CPython and not built into ftpy; any other failure is a FAIL.
So an optional accelerator (`json` tries `_json`) does not make a module
skipped: only a failing import does.

Not imported (compiled only), with the reason printed: the test suites
(`test`, `*.tests`, `idlelib.idle_test`), `__main__` modules (they run
programs), `antigravity` (opens a web browser), GUI and demo packages
(`idlelib`, `turtledemo`), modules CPython itself cannot import here.

The report lists failures, then the skipped modules grouped by the native
module they need. Exit status 1 if anything failed.
"""

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The CPython that decides what a module needs: the one whose standard
# library ftpy uses, when it is installed (Debian's /usr/bin/python3.11 for
# /usr/lib/python3.11), else the one running this script.
PYTHON = sys.executable

NOT_IMPORTED = {
    'antigravity': 'opens a web browser',
    'idlelib': 'the IDLE GUI (tkinter)',
    'turtledemo': 'GUI demos (tkinter)',
    'test': "CPython's test suite",
    'this': 'prints the Zen of Python',
}

CPYTHON_DRIVER = r'''
import sys, json
name = sys.argv[1]
ok, err = True, None
try:
    __import__(name)
except BaseException as e:
    ok, err = False, f"{type(e).__name__}: {e}"
def native(n, m):
    if n in sys.builtin_module_names:
        return True
    f = getattr(m, '__file__', None) or ''
    if f.endswith('.so'):
        return True
    # The import system CPython freezes into itself.
    return n in ('_frozen_importlib', '_frozen_importlib_external')
natives = sorted(n for n, m in list(sys.modules.items()) if m is not None and native(n, m))
print(json.dumps({'ok': ok, 'err': err, 'natives': natives}))
'''

FTPY_DRIVER = r'''
import sys
name, missing_from = sys.argv[1], set(sys.argv[2].split(','))
try:
    __import__(name)
    print('OK')
except BaseException as e:
    seen, x, missing = set(), e, None
    while x is not None and id(x) not in seen:
        seen.add(id(x))
        if isinstance(x, ImportError):
            named = x.name
            text = str(x)
            # importlib's own wording for a built-in module it cannot find.
            if named is None and text.startswith('no built-in module named '):
                named = text[len('no built-in module named '):]
            if named in missing_from:
                missing = named
                break
        x = x.__cause__ or x.__context__
    if missing:
        print('MISSING', missing)
    else:
        print('FAIL', type(e).__name__ + ':', str(e).replace('\n', ' ')[:300])
'''

COMPILE_DRIVER = r'''
import sys
paths = sys.argv[1:]
for p in paths:
    try:
        data = sys.modules['_ftpy_importlib'].SourceFileLoader('m', p).get_data(p) if '_ftpy_importlib' in sys.modules else open(p, 'rb').read()
        compile(data, p, 'exec', dont_inherit=True)
        print('OK', p)
    except SyntaxError as e:
        print('SYNTAX', p, (e.msg or '').replace('\n', ' '), e.lineno)
    except BaseException as e:
        print('ERROR', p, type(e).__name__, str(e).replace('\n', ' ')[:200])
'''


def find_ftpy(arg):
    if arg:
        return arg
    if os.environ.get('FTPY_TEST_BIN'):
        return os.environ['FTPY_TEST_BIN']
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
    return os.path.join(target, 'debug', 'ftpy')


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, cwd='/tmp',
                           env=dict(os.environ, PYTHONDONTWRITEBYTECODE='1'))
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, '', 'timeout'


def stdlib_dir(ftpy):
    code, out, err = run([ftpy, '-S', '-c', 'import keyword; print(keyword.__file__)'], 60)
    if code != 0:
        sys.exit(f'ftpy cannot import keyword: {err.strip()}')
    return os.path.dirname(out.strip())


def walk(stdlib):
    """(module name, file) of every module under the standard library
    directory, and the .py files to compile."""
    modules, files = [], []
    skip_dirs = {'site-packages', 'dist-packages', '__pycache__', 'lib-dynload'}

    def visit(directory, prefix):
        try:
            entries = sorted(os.listdir(directory))
        except OSError:
            return
        for e in entries:
            path = os.path.join(directory, e)
            if os.path.isdir(path):
                if e in skip_dirs or e.startswith('config-') or not e.isidentifier():
                    continue
                init = os.path.join(path, '__init__.py')
                if prefix is None and not os.path.exists(init):
                    # A top-level directory without __init__.py is not a
                    # package of the library (lib2to3's data and the like
                    # are inside packages).
                    pass
                name = e if prefix is None else f'{prefix}.{e}'
                if os.path.exists(init):
                    modules.append((name, init))
                visit(path, name)
            elif e.endswith('.py'):
                files.append(path)
                stem = e[:-3]
                if stem == '__init__' or not stem.isidentifier():
                    continue
                name = stem if prefix is None else f'{prefix}.{stem}'
                modules.append((name, path))
    visit(stdlib, None)
    return modules, files


def not_imported_reason(name):
    parts = name.split('.')
    if parts[0] in NOT_IMPORTED:
        return NOT_IMPORTED[parts[0]]
    if parts[-1] == '__main__':
        return 'a __main__ module (runs a program)'
    if any(p in ('test', 'tests', 'idle_test') for p in parts):
        return 'a test suite'
    return None


def check_compiles(ftpy, files, jobs):
    """Compiles every file under CPython and ftpy; returns mismatches."""
    cpython = {}
    for f in files:
        try:
            with open(f, 'rb') as fh:
                compile(fh.read(), f, 'exec', dont_inherit=True)
            cpython[f] = True
        except (SyntaxError, ValueError):
            cpython[f] = False
    chunks = [files[i:i + 50] for i in range(0, len(files), 50)]
    results = {}

    def one(chunk):
        code, out, err = run([ftpy, '-S', '-c', COMPILE_DRIVER] + chunk, 600)
        got = {}
        for line in out.splitlines():
            kind, _, rest = line.partition(' ')
            path = rest.split(' ')[0]
            got[path] = (kind, rest)
        for f in chunk:
            if f not in got:
                got[f] = ('CRASH', f'{f} (status {code}): {err.strip()[-300:]}')
        return got

    with ThreadPoolExecutor(jobs) as ex:
        for got in ex.map(one, chunks):
            results.update(got)
    bad = []
    for f in files:
        kind, detail = results[f]
        ok = kind == 'OK'
        if ok != cpython[f] or kind in ('ERROR', 'CRASH'):
            bad.append((f, kind, detail, cpython[f]))
    return bad, sum(cpython.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--ftpy')
    ap.add_argument('--jobs', type=int, default=max(2, (os.cpu_count() or 2)))
    ap.add_argument('--only', nargs='*', help='check only these modules (and skip compiling)')
    ap.add_argument('--no-compile', action='store_true')
    args = ap.parse_args()
    ftpy = find_ftpy(args.ftpy)
    stdlib = stdlib_dir(ftpy)
    global PYTHON
    owner = os.path.join(os.path.dirname(os.path.dirname(stdlib)), 'bin', 'python3.11')
    if os.path.exists(owner):
        PYTHON = owner
    print(f'standard library: {stdlib}\nftpy: {ftpy}\nreference for what modules need: {PYTHON}')
    code, out, _ = run([ftpy, '-S', '-c', 'import sys; print(",".join(sys.builtin_module_names))'], 60)
    ftpy_natives = set(out.strip().split(','))
    modules, files = walk(stdlib)
    if args.only:
        modules = [(n, f) for n, f in modules if n in args.only]

    failures = []
    if not (args.only or args.no_compile):
        bad, n_ok = check_compiles(ftpy, files, args.jobs)
        print(f'compile: {len(files)} files, {n_ok} compile under CPython, {len(bad)} differ under ftpy')
        for f, kind, detail, cp in bad:
            failures.append(f'compile {os.path.relpath(f, stdlib)}: ftpy {kind} {detail} (CPython {"compiles" if cp else "rejects"})')

    skipped_reason = {}
    to_check = []
    for name, _ in modules:
        r = not_imported_reason(name)
        if r:
            skipped_reason.setdefault(r, []).append(name)
        else:
            to_check.append(name)

    def check(name):
        code, out, err = run([PYTHON, '-S', '-c', CPYTHON_DRIVER, name], 120)
        try:
            info = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return name, 'cpython-fails', f'CPython driver failed: {err.strip()[-200:]}', []
        if not info['ok']:
            return name, 'cpython-fails', info['err'], info['natives']
        lacking = [n for n in info['natives'] if n not in ftpy_natives]
        code, out, err = run([ftpy, '-c', FTPY_DRIVER, name, ','.join(lacking) or '-'], 120)
        if code is None:
            return name, 'fail', 'timeout (120 s)', lacking
        line = (out.strip().splitlines() or [''])[-1]
        if code != 0 or not line:
            return name, 'fail', f'status {code}: {err.strip()[-300:]}', lacking
        if line == 'OK':
            return name, 'ok', '', lacking
        if line.startswith('MISSING '):
            return name, 'needs', line[8:], lacking
        return name, 'fail', line[5:], lacking

    counts = {'ok': 0, 'needs': 0, 'fail': 0, 'cpython-fails': 0}
    needs = {}
    with ThreadPoolExecutor(args.jobs) as ex:
        for name, kind, detail, lacking in ex.map(check, to_check):
            counts[kind] += 1
            if kind == 'fail':
                failures.append(f'import {name}: {detail}')
            elif kind == 'needs':
                needs.setdefault(detail, []).append(name)
            elif kind == 'cpython-fails':
                skipped_reason.setdefault('CPython cannot import it here either', []).append(f'{name} ({detail[:80]})')
    print(f"import: {len(to_check)} modules checked: {counts['ok']} import, "
          f"{counts['needs']} need a native module ftpy lacks, {counts['fail']} FAIL, "
          f"{counts['cpython-fails']} fail under CPython too")
    print('\nskipped, by the native module they need:')
    for native, mods in sorted(needs.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f'  {native} ({len(mods)}): {" ".join(sorted(mods))}')
    print('\nnot imported:')
    for reason, mods in sorted(skipped_reason.items()):
        shown = ' '.join(sorted(mods)[:12]) + (' ...' if len(mods) > 12 else '')
        print(f'  {reason} ({len(mods)}): {shown}')
    if failures:
        # Grouped by what went wrong: one cause often fails many modules.
        by_cause = {}
        for f in failures:
            what, _, cause = f.partition(': ')
            by_cause.setdefault(cause, []).append(what)
        print(f'\nFAILURES ({len(failures)}), by cause:')
        for cause, whats in sorted(by_cause.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            shown = ' '.join(w.split(' ', 1)[1] for w in whats)
            print(f'  {cause}\n      ({len(whats)}): {shown}')
        sys.exit(1)
    print('\nno failures')


if __name__ == '__main__':
    main()
