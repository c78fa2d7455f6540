#!/usr/bin/env python3
"""Differential fuzzing: generate programs (tests/fuzz/fuzzgen), run each
under the reference python3 and under ftpy, and classify the outcome.

    python3 tests/fuzz/run.py --seed 1 --count 500 --jobs 2 \\
        --ftpy target/release/ftpy --out /tmp/fuzz-out

Outcomes, per program:
  crash    ftpy died by a signal, exited 101 (Rust panic) or 134 (abort),
           printed a crash marker ("panicked at", "fatal runtime error",
           "RUST_BACKTRACE", stack overflow, failed allocation) or hung
           (no exit within max(--timeout, --slow-factor x python3's time));
  diff     ftpy ran but its stdout (or exit status) differs from python3's;
  invalid  python3 itself failed (a generator bug: reported, not counted);
  ok       identical.

A difference is attributed to the first differing line of each differing
block (blocks start with "@@ group#i" lines; "@> N" lines name statements).
Its category is "group: <python3's line> => <ftpy's line>", both lines with
numbers and quoted text abstracted, so that one cause gives one category.

Saved under --out: crash/ and diff/ (each failing program, the outputs and
an .info file), invalid/, results.jsonl (one line per program) and
summary.txt (counts, categories by frequency, with an example each).

With --known FILE (tests/fuzz/known_differences.txt), categories matching
an entry are "known"; the exit status is 1 if there was any crash or any
unknown difference, else 0. --minimize N minimizes the first N crashes and
one program of each of the first N difference categories (minimize.py).
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import fuzzgen  # noqa: E402

CRASH_MARKERS = ['panicked at', 'fatal runtime error', 'RUST_BACKTRACE', 'has overflowed its stack',
                 'memory allocation of', 'Segmentation fault', 'core dumped', 'Fatal Python error']
CRASH_STATUS = {101: 'exit 101 (Rust panic)', 134: 'exit 134 (abort)', 139: 'exit 139 (segfault)'}
MEMORY_LIMIT = 6 * 1024 ** 3
MAX_OUTPUT = 16 * 1024 * 1024


def base_env():
    env = dict(os.environ)
    for var in ['PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONINSPECT', 'PYTHONWARNINGS', 'PYTHONOPTIMIZE',
                'PYTHONVERBOSE', 'PYTHONUNBUFFERED', 'PYTHONINTMAXSTRDIGITS', 'FTPY_GC_STRESS', 'FTPY_PATH',
                'PYTHONDEVMODE', 'PYTHONMALLOC', 'RUST_BACKTRACE']:
        env.pop(var, None)
    env['PYTHONHASHSEED'] = '0'
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    env['PYTHONIOENCODING'] = 'utf-8'
    env['PYTHONUTF8'] = '1'
    return env


def limit_memory():
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


class Result:
    def __init__(self, rc, out, err, secs, timed_out):
        self.rc, self.out, self.err, self.secs, self.timed_out = rc, out, err, secs, timed_out


def run(cmd, cwd, env, timeout):
    start = time.monotonic()
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, preexec_fn=limit_memory, start_new_session=True)
    except OSError as e:
        return Result(-999, b'', str(e).encode(), 0.0, False)
    try:
        out, err = p.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, 9)
        except OSError:
            p.kill()
        out, err = p.communicate()
        timed_out = True
    return Result(p.returncode, out[:MAX_OUTPUT], err[-MAX_OUTPUT:], time.monotonic() - start, timed_out)


def clean_dir(d, keep):
    for name in os.listdir(d):
        if name == keep:
            continue
        p = os.path.join(d, name)
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p, ignore_errors=True)
        else:
            try:
                os.remove(p)
            except OSError:
                pass


# ---- classification ------------------------------------------------------

def crash_kind(res, timeout):
    """None, or a short description of how ftpy crashed."""
    if res.timed_out:
        return 'hang (no exit after %.0f s)' % timeout
    if res.rc is not None and res.rc < 0:
        return 'signal %d' % -res.rc
    if res.rc in CRASH_STATUS:
        return CRASH_STATUS[res.rc]
    text = res.err.decode('utf-8', 'replace')
    for m in CRASH_MARKERS:
        if m in text:
            return 'stderr: %s' % m
    return None


def crash_signature(res, kind):
    """A short stable description of a crash (for grouping)."""
    text = res.err.decode('utf-8', 'replace')
    m = re.search(r"panicked at ([^\n]*)\n([^\n]*)", text)
    if m:
        where = re.sub(r':\d+:\d+', '', m.group(1))
        msg = re.sub(r'0x[0-9a-fA-F]+', '0x?', m.group(2))
        return 'panic at %s: %s' % (where.strip(': '), msg[:160])
    for line in text.splitlines():
        if any(mk in line for mk in CRASH_MARKERS):
            return re.sub(r'\d{3,}', 'N', re.sub(r'0x[0-9a-fA-F]+', '0x?', line.strip()))[:200]
    return kind


_SURROGATE = re.compile(r'\\ud[89a-f][0-9a-f]{2}')
_NUM = re.compile(r'(?<![A-Za-z_])-?\d[\d_]*(\.\d+)?(e[-+]?\d+)?')
# a quote right after a letter is an apostrophe (can't), not a string
_QUOTED = re.compile(r"(?<![A-Za-z])[bBrRuUfF]{0,2}'(?:[^'\\]|\\.)*'|(?<![A-Za-z])[bBrRuUfF]{0,2}\"(?:[^\"\\]|\\.)*\"")


_GENERATED = re.compile(r'^(_?[A-Za-z]+?)\d+$')


def _quoted(m):
    # Keep short identifier-like quoted text (attribute, type and codec
    # names say what is missing), generated names abstracted; drop the rest.
    q = m.group(0)
    prefix = q[:len(q) - len(q.lstrip('bBrRuUfF'))]
    q = q[len(prefix):]
    inner = q[1:-1]
    if len(inner) <= 40 and re.match(r'^[A-Za-z_][A-Za-z_0-9.\-]*$', inner):
        return prefix + q[0] + _GENERATED.sub(r'\1#', inner) + q[-1]
    return prefix + "'…'"


def _elided(m):
    q = m.group(0)
    return q[:len(q) - len(q.lstrip('bBrRuUfF'))] + "'…'"


def norm_line(s):
    s = s.strip()
    s = _QUOTED.sub(_quoted if s.startswith('! ') else _elided, s)
    s = _NUM.sub('N', s)
    s = re.sub(r'(N, )+N', 'N…', s)
    return s[:140]


def shape(stmt):
    """The statement with generated names, numbers and strings abstracted
    (crash grouping)."""
    s = ' '.join(stmt.split())
    s = _QUOTED.sub("'…'", s)
    s = re.sub(r'\b([A-Za-z_]+?)\d+\b', r'\1#', s)
    s = _NUM.sub('N', s)
    return s[:160]


_CALLED = re.compile(r'([A-Za-z_][A-Za-z_0-9]*)\s*\(')
_SKIP_NAMES = {'_t', '_p', '_h', '_e', '_s', 'lambda', 'print', 'type', 'len', 'repr', 'str', 'list'}


def operations(stmt):
    """The names called in a statement, generated ones abstracted."""
    names = []
    for m in _CALLED.finditer(stmt):
        n = re.sub(r'^([A-Za-z_]+?)\d+$', r'\1#', m.group(1))
        if n not in _SKIP_NAMES and n not in names:
            names.append(n)
    return names[:4]


def as_name_list(line):
    """The list of strs a line like "= ['a', 'b']" shows, else None."""
    if not line.startswith('= [') or not line.endswith(']'):
        return None
    try:
        import ast
        v = ast.literal_eval(line[2:])
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return v
    return None


def marker_norm(line):
    return '<next statement>' if line.startswith('@> ') else norm_line(line)


def categorize(expected, actual, stmt):
    """One difference's category (without the group)."""
    if _SURROGATE.search(expected) and ('\ufffd' in actual or 'lone surrogate' in actual):
        # str cannot hold lone surrogates yet (docs/deviations.md)
        return 'lone surrogate: %s => %s' % (norm_line(expected)[:40], norm_line(actual)[:40])
    el, al = as_name_list(expected), as_name_list(actual)
    if el is not None and al is not None and (set(el) != set(al)):
        safe = lambda n: n.encode('utf-8', 'backslashreplace').decode('utf-8')  # noqa: E731
        missing = sorted(safe(n) for n in set(el) - set(al))
        extra = sorted(safe(n) for n in set(al) - set(el))
        ops = operations(stmt)
        return 'names%s: missing %s extra %s' % ('(%s)' % ops[0] if ops else '',
                                                   ' '.join(missing[:6]) + (' …' if len(missing) > 6 else '') or '-',
                                                   ' '.join(extra[:6]) + (' …' if len(extra) > 6 else '') or '-')
    e, a = marker_norm(expected), marker_norm(actual)
    cat = '%s => %s' % (e, a)
    if e == a or (e.startswith('= ') and a.startswith('= ')):
        # the same shape of value: say which operations produced it
        cat += ' [%s]' % ','.join(operations(stmt))
    return cat


def split_blocks(text):
    """[(label, [lines])] split at '@@ ' lines; output before the first
    marker (the prelude's) is a block with label '<start>'."""
    blocks = [('<start>', [])]
    for line in text.split('\n'):
        if line.startswith('@@ '):
            blocks.append((line[3:], []))
        else:
            blocks[-1][1].append(line)
    return blocks


def statement_of(src_lines, n):
    """Source of the statement after `_s(n)`, up to the next marker."""
    key = '_s(%d)' % n
    out = []
    inside = False
    for line in src_lines:
        if inside:
            if line.startswith('_s(') or line.startswith('_b('):
                break
            out.append(line)
        elif line == key:
            inside = True
    return '\n'.join(out)


def compare(src, exp, got):
    """List of differences: dicts with group, label, category, lines, stmt."""
    eb = split_blocks(exp.decode('utf-8', 'replace'))
    gb = split_blocks(got.decode('utf-8', 'replace'))
    src_lines = src.split('\n')
    diffs = []
    for i, (label, elines) in enumerate(eb):
        if i >= len(gb):
            diffs.append(dict(group=label.split('#')[0], label=label, missing=True,
                              category='%s: <block missing: ftpy stopped before it>' % label.split('#')[0],
                              expected='', actual='', stmt=''))
            break
        glabel, glines = gb[i]
        if glabel != label or elines != glines:
            j = 0
            while j < len(elines) and j < len(glines) and elines[j] == glines[j]:
                j += 1
            e = elines[j] if j < len(elines) else '<end of block>'
            g = glines[j] if j < len(glines) else '<end of block>'
            if glabel != label:
                g = '<next block %s>' % glabel
            stmt_no = None
            # a marker as the differing line: the extra/missing output
            # belongs to the statement before it
            first = j - 1 if (j < len(elines) and elines[j].startswith('@> ')) or (
                j < len(glines) and glines[j].startswith('@> ')) else j
            for k in range(first, -1, -1):
                if k < len(elines) and elines[k].startswith('@> '):
                    stmt_no = int(elines[k][3:])
                    break
            stmt = statement_of(src_lines, stmt_no) if stmt_no else ''
            group = label.split('#')[0]
            diffs.append(dict(group=group, label=label, category='%s: %s' % (group, categorize(e, g, stmt)),
                              expected=e, actual=g, stmt=stmt, stmt_no=stmt_no))
            if glabel != label:
                break
    if len(gb) > len(eb):
        diffs.append(dict(group='<end>', label='<end>', category='<end>: extra output blocks',
                          expected='', actual=gb[len(eb)][0], stmt=''))
    return diffs


def last_stderr_line(err):
    lines = [l for l in err.decode('utf-8', 'replace').splitlines() if l.strip()]
    return lines[-1].strip() if lines else ''


# ---- known differences ---------------------------------------------------

def load_known(path):
    """[(glob, reason)] from lines 'glob  # reason' (blank/#-lines skipped)."""
    known = []
    if not path:
        return known
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            glob, _, reason = line.partition('  #')
            known.append((glob.strip(), reason.strip()))
    return known


def glob_match(pattern, text):
    """True if text matches pattern, where only `*` is special (any run
    of characters): categories are full of brackets and question marks."""
    parts = pattern.split('*')
    if len(parts) == 1:
        return text == pattern
    if not text.startswith(parts[0]) or not text.endswith(parts[-1]):
        return False
    pos = len(parts[0])
    end = len(text) - len(parts[-1])
    for p in parts[1:-1]:
        i = text.find(p, pos, end)
        if i < 0:
            return False
        pos = i + len(p)
    return pos <= end


def known_match(known, category):
    for glob, reason in known:
        if glob_match(glob, category):
            return glob
    return None


# ---- the batch -----------------------------------------------------------

class Batch:
    def __init__(self, args):
        self.a = args
        self.lock = threading.Lock()
        self.results = []
        self.env = base_env()
        self.known = load_known(args.known)
        self.features = fuzzgen.resolve_features(split_list(args.features), split_list(args.exclude))
        os.makedirs(args.out, exist_ok=True)
        for sub in ('crash', 'diff', 'invalid', 'work'):
            os.makedirs(os.path.join(args.out, sub), exist_ok=True)
        self.log = open(os.path.join(args.out, 'results.jsonl'), 'w', encoding='utf-8')
        self.done = 0
        self.start = time.monotonic()

    def one(self, index, worker_dir):
        a = self.a
        src = fuzzgen.generate(a.seed, index, self.features, a.blocks)
        name = 's%s_%05d' % (a.seed, index)
        os.makedirs(worker_dir, exist_ok=True)
        clean_dir(worker_dir, None)
        prog = os.path.join(worker_dir, 'prog.py')
        with open(prog, 'w', encoding='utf-8') as f:
            f.write(src)
        py = run([a.python, 'prog.py'], worker_dir, self.env, a.py_timeout)
        if py.timed_out:
            # a loaded machine can stall a run: try once more before
            # calling the program invalid
            clean_dir(worker_dir, 'prog.py')
            py = run([a.python, 'prog.py'], worker_dir, self.env, a.py_timeout * 2)
        rec = dict(index=index, name=name, py_secs=round(py.secs, 3))
        if py.rc != 0 or py.timed_out:
            rec.update(status='invalid', why='python3 exit %s%s: %s' % (
                py.rc, ' (timeout)' if py.timed_out else '', last_stderr_line(py.err)))
            self.save('invalid', name, src, py, None, rec)
            return rec
        clean_dir(worker_dir, 'prog.py')
        timeout = max(a.timeout, a.slow_factor * py.secs)
        # 1. ftpy against python3
        ft = run([a.ftpy, 'prog.py'], worker_dir, self.env, timeout)
        clean_dir(worker_dir, 'prog.py')
        rec['ftpy_secs'] = round(ft.secs, 3)
        if self.check_crash(rec, 'normal', src, py, ft, self.env, timeout, worker_dir):
            return rec
        diffs = compare(src, py.out, ft.out) if ft.out != py.out else []
        exit_diff = ft.rc != py.rc
        if exit_diff and not diffs:
            diffs = [dict(group='<exit>', label='<exit>', category='<exit>: %s' % norm_line(last_stderr_line(ft.err)),
                          expected='exit %d' % py.rc, actual='exit %d' % ft.rc, stmt='')]
        if exit_diff:
            # say why ftpy stopped: its last stderr line
            for d in diffs:
                if d.get('missing') or d['actual'] == '<end of block>':
                    d['category'] += ' [ftpy exit %d: %s]' % (ft.rc, norm_line(last_stderr_line(ft.err))[:80])
        # 2. under GC stress, ftpy against itself: any difference is a
        # collector bug (a freed or unmarked object)
        if a.gc_stress and a.stress_every and index % a.stress_every == 0:
            env = dict(self.env, FTPY_GC_STRESS=str(a.gc_stress))
            t = timeout * a.stress_slowdown
            st = run([a.ftpy, 'prog.py'], worker_dir, env, t)
            clean_dir(worker_dir, 'prog.py')
            if st.timed_out and a.gc_stress < 50:
                # A collection at every safepoint is quadratic in the heap
                # size: a program that builds big structures can be slow
                # without hanging. Try a sparser stress before calling it a
                # hang.
                rec['stress_slow'] = True
                env = dict(self.env, FTPY_GC_STRESS='50')
                st = run([a.ftpy, 'prog.py'], worker_dir, env, t)
                clean_dir(worker_dir, 'prog.py')
            rec['stress_secs'] = round(st.secs, 3)
            if self.check_crash(rec, 'gc-stress', src, py, st, env, t, worker_dir):
                return rec
            if st.out != ft.out or st.rc != ft.rc:
                for d in compare(src, ft.out, st.out) or [dict(group='<exit>', label='<exit>', expected='exit %d' % ft.rc,
                                                               actual='exit %d' % st.rc, stmt='',
                                                               category='<exit>: %s' % norm_line(last_stderr_line(st.err)))]:
                    d['category'] = '[gc-stress differs from normal ftpy] ' + d['category']
                    diffs.append(d)
        if diffs:
            for d in diffs:
                d['known'] = known_match(self.known, d['category'])
            rec.update(status='diff', diffs=diffs, unknown=sum(1 for d in diffs if not d['known']))
            self.save('diff', name, src, py, ft, rec)
            return rec
        rec['status'] = 'ok'
        return rec

    def check_crash(self, rec, mode, src, py, ft, env, t, worker_dir):
        """Records a crash of run `ft` (True) or returns False."""
        a = self.a
        kind = crash_kind(ft, t)
        if not kind:
            return False
        rec.update(status='crash', mode=mode, kind=kind, signature=crash_signature(ft, kind),
                   last_stdout=ft.out.decode('utf-8', 'replace').split('\n')[-3:])
        if mode != 'normal':
            rec['signature'] = '[%s] ' % mode + rec['signature']
        # which statement was running: the last marker printed (run again
        # unbuffered: a crash loses buffered output)
        again = run([a.ftpy, 'prog.py'], worker_dir, dict(env, PYTHONUNBUFFERED='1'), t)
        clean_dir(worker_dir, 'prog.py')
        marks = re.findall(r'^@> (\d+)$', again.out.decode('utf-8', 'replace'), re.M)
        if marks:
            rec['stmt'] = statement_of(src.split('\n'), int(marks[-1]))
            rec['stmt_no'] = int(marks[-1])
            if 'panic' not in rec['signature']:
                # a signal says little: add the statement's shape
                rec['signature'] += ' in: ' + shape(rec['stmt'])
        self.save('crash', rec['name'], src, py, ft, rec)
        return True

    def save(self, kind, name, src, py, ft, rec):
        if kind == 'diff' and self.a.no_save_diffs:
            return
        d = os.path.join(self.a.out, kind)
        with open(os.path.join(d, name + '.py'), 'w', encoding='utf-8') as f:
            f.write(src)
        with open(os.path.join(d, name + '.python.out'), 'wb') as f:
            f.write(py.out)
        if ft is not None:
            with open(os.path.join(d, name + '.ftpy.out'), 'wb') as f:
                f.write(ft.out)
            with open(os.path.join(d, name + '.ftpy.err'), 'wb') as f:
                f.write(ft.err[-200000:])
        else:
            with open(os.path.join(d, name + '.python.err'), 'wb') as f:
                f.write(py.err)
        with open(os.path.join(d, name + '.info'), 'w', encoding='utf-8') as f:
            json.dump(rec, f, indent=1, ensure_ascii=False)

    def record(self, rec):
        with self.lock:
            self.results.append(rec)
            self.log.write(json.dumps(rec, ensure_ascii=False) + '\n')
            self.log.flush()
            self.done += 1
            if rec['status'] == 'crash':
                print('CRASH %s %s' % (rec['name'], rec.get('signature')), flush=True)
            elif rec['status'] == 'invalid' and not self.a.quiet:
                print('invalid (generator bug) %s: %s' % (rec['name'], rec['why']), flush=True)
            elif rec['status'] == 'diff' and rec['unknown'] and self.a.known and not self.a.quiet:
                for d in rec['diffs']:
                    if not d['known']:
                        print('NEW DIFF %s: %s' % (rec['name'], d['category']), flush=True)
            if not self.a.quiet and self.done % self.a.progress == 0:
                counts = self.counts()
                print('[%d/%d %.0fs] %s' % (self.done, self.a.count, time.monotonic() - self.start,
                                           ' '.join('%s=%d' % kv for kv in sorted(counts.items()))), flush=True)

    def counts(self):
        c = {}
        for r in self.results:
            c[r['status']] = c.get(r['status'], 0) + 1
        return c

    def go(self):
        a = self.a
        indices = list(range(a.start, a.start + a.count))
        workers = max(1, a.jobs)
        it = iter(indices)
        it_lock = threading.Lock()

        def worker(w):
            wd = os.path.join(a.out, 'work', 'w%d' % w)
            while True:
                with it_lock:
                    i = next(it, None)
                if i is None:
                    return
                try:
                    rec = self.one(i, wd)
                except Exception as e:  # a runner bug must not stop the batch
                    rec = dict(index=i, name='s%s_%05d' % (a.seed, i), status='invalid',
                               why='runner error: %s: %s' % (type(e).__name__, e))
                self.record(rec)

        with concurrent.futures.ThreadPoolExecutor(workers) as ex:
            list(ex.map(worker, range(workers)))
        self.log.close()
        shutil.rmtree(os.path.join(a.out, 'work'), ignore_errors=True)
        return self.summarize()

    def summarize(self):
        a = self.a
        res = sorted(self.results, key=lambda r: r['index'])
        counts = self.counts()
        cats = {}
        for r in res:
            for d in r.get('diffs', ()):
                c = cats.setdefault(d['category'], dict(count=0, programs=[], known=d['known'], example=d))
                c['count'] += 1
                if len(c['programs']) < 5:
                    c['programs'].append(r['name'])
        crashes = {}
        for r in res:
            if r['status'] == 'crash':
                c = crashes.setdefault(r['signature'], dict(count=0, programs=[], example=r))
                c['count'] += 1
                if len(c['programs']) < 5:
                    c['programs'].append(r['name'])
        groups = {}
        for cat, c in cats.items():
            g = cat.split(':')[0]
            groups[g] = groups.get(g, 0) + c['count']
        unknown = {k: v for k, v in cats.items() if not v['known']}
        lines = []
        lines.append('ftpy differential fuzz: seed %s, programs %d..%d, features %s' % (
            a.seed, a.start, a.start + a.count - 1, a.features or 'all' + (' minus ' + a.exclude if a.exclude else '')))
        lines.append('ftpy %s, python %s, %.0f s' % (a.ftpy, a.python, time.monotonic() - self.start))
        lines.append('programs: %d  ok: %d  diff: %d  crash: %d  invalid (generator): %d' % (
            len(res), counts.get('ok', 0), counts.get('diff', 0), counts.get('crash', 0), counts.get('invalid', 0)))
        py_t = sum(r.get('py_secs', 0) for r in res)
        ft_t = sum(r.get('ftpy_secs', 0) for r in res)
        lines.append('time: python3 %.1f s, ftpy %.1f s' % (py_t, ft_t))
        if self.known:
            used = set(c['known'] for c in cats.values() if c['known'])
            lines.append('difference categories: %d (%d known, %d NEW)' % (len(cats), len(cats) - len(unknown),
                                                                           len(unknown)))
            stale = [g for g, _ in self.known if g not in used]
            if stale:
                lines.append('known-difference entries not seen in this batch: %d' % len(stale))
                for g in stale:
                    lines.append('  (not seen) %s' % g)
        lines.append('')
        if crashes:
            lines.append('== CRASHES (%d kinds)' % len(crashes))
            for sig, c in sorted(crashes.items(), key=lambda kv: -kv[1]['count']):
                lines.append('%5d  %s' % (c['count'], sig))
                lines.append('       programs: %s' % ' '.join(c['programs']))
                stmt = c['example'].get('stmt', '')
                if stmt:
                    lines.append('       last statement: %s' % stmt.strip().replace('\n', '\n                       ')[:600])
            lines.append('')
        lines.append('== differences by group')
        for g, n in sorted(groups.items(), key=lambda kv: -kv[1]):
            lines.append('%5d  %s' % (n, g))
        lines.append('')
        lines.append('== difference categories by frequency')
        for cat, c in sorted(cats.items(), key=lambda kv: -kv[1]['count']):
            ex = c['example']
            flag = '' if not self.known else ('  [known]' if c['known'] else '  [NEW]')
            lines.append('%5d  %s%s' % (c['count'], cat, flag))
            lines.append('       e.g. %s' % ' '.join(c['programs'][:3]))
            if ex.get('stmt'):
                lines.append('       stmt: %s' % ex['stmt'].strip().replace('\n', '\n             ')[:500])
            lines.append('       python3: %s' % ex['expected'][:300])
            lines.append('       ftpy:    %s' % ex['actual'][:300])
        text = '\n'.join(lines) + '\n'
        with open(os.path.join(a.out, 'summary.txt'), 'w', encoding='utf-8') as f:
            f.write(text)
        summary = dict(programs=len(res), counts=counts, categories={k: dict(count=v['count'], known=v['known'],
                                                                             programs=v['programs'])
                                                                     for k, v in cats.items()},
                       crashes={k: dict(count=v['count'], programs=v['programs']) for k, v in crashes.items()},
                       unknown_categories=sorted(unknown))
        with open(os.path.join(a.out, 'summary.json'), 'w', encoding='utf-8') as f:
            json.dump(summary, f, indent=1, ensure_ascii=False)
        if not a.quiet:
            sys.stdout.write(text if not a.brief else '\n'.join(lines[:8]) + '\n')
        elif crashes or unknown or counts.get('invalid', 0):
            # the head, the crashes and the new categories only
            out = [l for l in lines if not l.startswith('  (not seen)')][:6]
            for i, l in enumerate(lines):
                if l.startswith('== CRASHES'):
                    j = lines.index('== differences by group')
                    out += [''] + lines[i:j]
            for i, l in enumerate(lines):
                if l.endswith('[NEW]'):
                    out += lines[i:i + 5]
            for r in res:
                if r['status'] == 'invalid':
                    out.append('invalid program %s: %s' % (r['name'], r['why']))
            out.append('full report: %s' % os.path.join(a.out, 'summary.txt'))
            sys.stdout.write('\n'.join(out) + '\n')
        if a.minimize:
            self.minimize_some(crashes, cats)
        # an invalid program is a generator bug: a checked-in batch has none
        bad = bool(crashes) or (bool(self.known) and bool(unknown)) or counts.get('invalid', 0) > 0
        return 1 if bad else 0

    def minimize_some(self, crashes, cats):
        import minimize
        a = self.a
        todo = []
        for sig, c in list(crashes.items())[:a.minimize]:
            todo.append(('crash', c['programs'][0], None))
        for cat, c in sorted(cats.items(), key=lambda kv: -kv[1]['count'])[:a.minimize]:
            todo.append(('diff', c['programs'][0], cat))
        for kind, name, cat in todo:
            path = os.path.join(a.out, kind, name + '.py')
            if not os.path.exists(path):
                continue
            with open(path, encoding='utf-8') as f:
                src = f.read()
            small = minimize.minimize(src, a.ftpy, a.python, kind, category=cat, env=self.env,
                                      timeout=max(a.timeout, 10))
            out = os.path.join(a.out, kind, name + '.min.py')
            with open(out, 'w', encoding='utf-8') as f:
                f.write(small)
            print('minimized %s -> %s (%d lines)' % (name, out, small.count('\n')), flush=True)


def split_list(s):
    return [x.strip() for x in s.split(',') if x.strip()] if s else []


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', default='1')
    ap.add_argument('--start', type=int, default=0, help='first program index')
    ap.add_argument('--count', type=int, default=100)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--ftpy', required=True)
    ap.add_argument('--python', default=shutil.which('python3') or 'python3')
    ap.add_argument('--out', required=True)
    ap.add_argument('--features', default='')
    ap.add_argument('--exclude', default='')
    ap.add_argument('--blocks', type=int, default=None)
    ap.add_argument('--timeout', type=float, default=30.0, help='minimum ftpy time limit (s)')
    ap.add_argument('--slow-factor', type=float, default=30.0, help='ftpy limit = max(timeout, factor x python3 time)')
    ap.add_argument('--py-timeout', type=float, default=60.0)
    ap.add_argument('--gc-stress', type=int, default=0, help='also run with FTPY_GC_STRESS=N ...')
    ap.add_argument('--stress-every', type=int, default=10, help='... every K-th program')
    ap.add_argument('--stress-slowdown', type=float, default=10.0)
    ap.add_argument('--known', default=None, help='known differences file')
    ap.add_argument('--minimize', type=int, default=0)
    ap.add_argument('--no-save-diffs', action='store_true')
    ap.add_argument('--quiet', action='store_true')
    ap.add_argument('--brief', action='store_true', help='print only the head of the summary')
    ap.add_argument('--progress', type=int, default=100)
    a = ap.parse_args()
    a.ftpy = os.path.abspath(a.ftpy) if os.path.sep in a.ftpy else (shutil.which(a.ftpy) or a.ftpy)
    a.python = os.path.abspath(a.python) if os.path.sep in a.python else (shutil.which(a.python) or a.python)
    # resolve pyenv shims to the real interpreter once
    try:
        real = subprocess.run([a.python, '-c', 'import sys; print(sys.executable)'], capture_output=True,
                              text=True, timeout=60).stdout.strip()
        if real and os.path.isfile(real):
            a.python = real
    except (OSError, subprocess.SubprocessError):
        pass
    a.out = os.path.abspath(a.out)
    return Batch(a).go()


if __name__ == '__main__':
    sys.exit(main())
