#!/usr/bin/env python3
"""Shrink a failing program by deleting statements while it keeps failing
the same way (delta debugging over top-level statements, then statements
inside compound ones).

    python3 tests/fuzz/minimize.py PROG.py --ftpy target/release/ftpy --kind crash
    python3 tests/fuzz/minimize.py PROG.py --ftpy ... --kind diff [--category 'str: ... => ...']

"The same way": for a crash, the same crash signature (run.crash_signature);
for a difference, python3 still exits 0 and the outputs still differ in the
given category (default: the first category of the original program).
The result goes to stdout (or --out).
"""

import argparse
import ast
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import run as runner  # noqa: E402


class Oracle:
    def __init__(self, ftpy, python, kind, category, env, timeout, stress=None):
        self.ftpy, self.python, self.kind, self.category = ftpy, python, kind, category
        self.env = dict(env)
        if stress:
            self.env_ftpy = dict(env, FTPY_GC_STRESS=str(stress))
        else:
            self.env_ftpy = self.env
        self.timeout = timeout
        self.dir = tempfile.mkdtemp(prefix='ftpy-min-')
        self.tests = 0
        self.signature = None

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def outcome(self, src):
        """(crash signature or None, list of diff categories, python ok)."""
        self.tests += 1
        runner.clean_dir(self.dir, None)
        with open(os.path.join(self.dir, 'prog.py'), 'w', encoding='utf-8') as f:
            f.write(src)
        ft = runner.run([self.ftpy, 'prog.py'], self.dir, self.env_ftpy, self.timeout)
        kind = runner.crash_kind(ft, self.timeout)
        if kind:
            return runner.crash_signature(ft, kind), [], True
        if self.kind == 'crash':
            return None, [], True
        runner.clean_dir(self.dir, 'prog.py')
        py = runner.run([self.python, 'prog.py'], self.dir, self.env, self.timeout)
        if py.rc != 0 or py.timed_out:
            return None, [], False
        if py.out == ft.out and py.rc == ft.rc:
            return None, [], True
        diffs = runner.compare(src, py.out, ft.out)
        cats = [d['category'] for d in diffs]
        if ft.rc != py.rc:
            tail = runner.norm_line(runner.last_stderr_line(ft.err))[:80]
            cats = [c + ' [ftpy exit %d: %s]' % (ft.rc, tail) if ('<block missing' in c or '<end of block>' in c)
                    else c for c in cats]
            if not cats:
                cats = ['<exit>: %s' % runner.norm_line(runner.last_stderr_line(ft.err))]
        return None, cats, True

    def interesting(self, src):
        sig, cats, py_ok = self.outcome(src)
        if self.kind == 'crash':
            if self.signature is None:
                self.signature = sig
            return sig is not None and sig == self.signature
        if not py_ok:
            return False
        if self.category is None:
            self.category = cats[0] if cats else None
            return bool(cats)
        return self.category in cats


def stmt_ranges(src):
    """[(start_line, end_line, depth, parent_body_len)] of every statement,
    1-based inclusive, decorators included."""
    tree = ast.parse(src)
    out = []

    def visit_body(body, depth):
        for node in body:
            start = node.lineno
            for dec in getattr(node, 'decorator_list', ()):
                start = min(start, dec.lineno)
            out.append((start, node.end_lineno, depth, len(body), node.col_offset))
            for field in ('body', 'orelse', 'finalbody'):
                sub = getattr(node, field, None)
                if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                    visit_body(sub, depth + 1)
            for h in getattr(node, 'handlers', ()):
                visit_body(h.body, depth + 1)
            for c in getattr(node, 'cases', ()):
                visit_body(c.body, depth + 1)
    visit_body(tree.body, 0)
    return out


def remove_lines(src, ranges):
    """Delete the given (start, end, col, body_len) line ranges; a body left
    empty gets a `pass`."""
    lines = src.split('\n')
    drop = set()
    for start, end, col, _ in ranges:
        for i in range(start - 1, end):
            drop.add(i)
    out = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        out.append(line)
    new = '\n'.join(out)
    try:
        ast.parse(new)
        return new
    except SyntaxError:
        pass
    # put `pass` where a body became empty
    out = []
    for i, line in enumerate(lines):
        if i in drop:
            for start, end, col, _ in ranges:
                if i == start - 1:
                    out.append(' ' * col + 'pass')
            continue
        out.append(line)
    new = '\n'.join(out)
    try:
        ast.parse(new)
        return new
    except SyntaxError:
        return None


def unwrap_candidates(src):
    """Variants of src with one try statement replaced by its body."""
    tree = ast.parse(src)
    lines = src.split('\n')
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and node.body:
            first, last = node.body[0], node.body[-1]
            indent = first.col_offset - node.col_offset
            body = [l[indent:] if l[:indent].strip() == '' else l for l in lines[first.lineno - 1:last.end_lineno]]
            new = lines[:node.lineno - 1] + body + lines[node.end_lineno:]
            cand = '\n'.join(new)
            try:
                ast.parse(cand)
            except SyntaxError:
                continue
            yield cand


def minimize(src, ftpy, python, kind, category=None, env=None, timeout=20.0, budget=600, stress=None, log=None):
    env = env or runner.base_env()
    o = Oracle(ftpy, python, kind, category, env, timeout, stress)
    try:
        if not o.interesting(src):
            if log:
                log('minimize: the program does not fail as expected; left as is')
            return src
        # 1. top-level statements, in chunks (ddmin)
        changed = True
        while changed and o.tests < budget:
            changed = False
            top = [r for r in stmt_ranges(src) if r[2] == 0]
            n = max(1, len(top) // 2)
            while n >= 1 and o.tests < budget:
                i = 0
                progress = False
                top = [r for r in stmt_ranges(src) if r[2] == 0]
                while i < len(top) and o.tests < budget:
                    chunk = top[i:i + n]
                    cand = remove_lines(src, [(s, e, c, bl) for s, e, _, bl, c in chunk])
                    if cand is not None and cand != src and o.interesting(cand):
                        src = cand
                        top = [r for r in stmt_ranges(src) if r[2] == 0]
                        progress = changed = True
                    else:
                        i += n
                if not progress:
                    n //= 2
        # 2. every statement, innermost last, one at a time
        changed = True
        while changed and o.tests < budget:
            changed = False
            for r in sorted(stmt_ranges(src), key=lambda r: (-(r[1] - r[0]), r[0])):
                if o.tests >= budget:
                    break
                s, e, depth, bl, c = r
                cand = remove_lines(src, [(s, e, c, bl)])
                if cand is not None and cand != src and o.interesting(cand):
                    src = cand
                    changed = True
                    break
        # 3. replace try statements by their body
        changed = True
        while changed and o.tests < budget:
            changed = False
            for cand in unwrap_candidates(src):
                if o.tests >= budget:
                    break
                if o.interesting(cand):
                    src = cand
                    changed = True
                    break
        if log:
            log('minimize: %d runs' % o.tests)
        return src
    finally:
        o.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('program')
    ap.add_argument('--ftpy', required=True)
    ap.add_argument('--python', default=shutil.which('python3') or 'python3')
    ap.add_argument('--kind', choices=['crash', 'diff'], required=True)
    ap.add_argument('--category', default=None)
    ap.add_argument('--timeout', type=float, default=20.0)
    ap.add_argument('--budget', type=int, default=600, help='maximum number of test runs')
    ap.add_argument('--gc-stress', type=int, default=None)
    ap.add_argument('--out', default=None)
    a = ap.parse_args()
    with open(a.program, encoding='utf-8') as f:
        src = f.read()
    small = minimize(src, os.path.abspath(a.ftpy), a.python, a.kind, a.category, timeout=a.timeout,
                     budget=a.budget, stress=a.gc_stress, log=lambda m: print(m, file=sys.stderr))
    if a.out:
        with open(a.out, 'w', encoding='utf-8') as f:
            f.write(small)
    else:
        sys.stdout.write(small)
    return 0


if __name__ == '__main__':
    sys.exit(main())
