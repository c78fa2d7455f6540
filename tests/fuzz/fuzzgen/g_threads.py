"""Threads (through _thread) sharing objects. Only results that do not
depend on the interleaving are printed (totals, final contents, the set of
unexpected exception types); the point is mostly to find crashes and lost
updates in a VM without a global lock."""

SPAWN = [
    'import _thread, time',
    'def _spawn(fns, allowed=()):',
    '    lock = _thread.allocate_lock()',
    '    done = [0]',
    '    errs = []',
    '    def run(f, i):',
    '        try:',
    '            f(i)',
    '        except BaseException as e:',
    '            if type(e).__name__ not in allowed:',
    '                with lock:',
    '                    errs.append(type(e).__name__ + ": " + str(e))',
    '        with lock:',
    '            done[0] += 1',
    '    for i, f in enumerate(fns):',
    '        _thread.start_new_thread(run, (f, i))',
    '    t0 = time.time()',
    '    while True:',
    '        with lock:',
    '            if done[0] == len(fns):',
    '                break',
    '        if time.time() - t0 > 120:',
    "            print('threads: no end after 120 s')",
    '            break',
    '        time.sleep(0.0005)',
    '    return sorted(set(errs))',
]


def g_threads(ctx, blk):
    blk.guarded(SPAWN)
    k = ctx.ri(2, 6)
    m = ctx.pick([100, 1000, 5000])
    t = ctx.ri(0, 9)
    if t == 0:
        blk.guarded(['_sh = []',
                     'def _w(i):',
                     '    for j in range(%d):' % m,
                     '        _sh.append((i, j))',
                     '        %s' % ctx.pick(['pass', 'if j % 7 == 0: _sh.extend([(i, -j)])', 'len(_sh)',
                                               '_sh[-1:]', 'if j % 50 == 0: list(_sh)']),
                     '_p(_spawn([_w] * %d))' % k,
                     '_p(len(_sh), len([x for x in _sh if x[1] >= 0]), sorted(set(x[0] for x in _sh)))'])
    elif t == 1:
        blk.guarded(['_sd = {}',
                     'def _w(i):',
                     '    for j in range(%d):' % m,
                     '        _sd[(i, j)] = j',
                     '        if j %% %d == 0:' % ctx.pick([3, 10, 100]),
                     '            %s' % ctx.pick(['_sd.pop((i, j - 1), None)', 'list(_sd.items())[:3]', '_sd.copy()',
                                                   'len(_sd)', '(i, j) in _sd', '_sd.get((i + 1, j))']),
                     '_p(_spawn([_w] * %d, ("RuntimeError",)))' % k,
                     '_p(len(_sd) > 0, all(_sd[key] == key[1] for key in list(_sd)))'])
    elif t == 2:
        blk.guarded(['_ss = set()',
                     'def _w(i):',
                     '    for j in range(%d):' % m,
                     '        _ss.add(j * %d + i)' % k,
                     '        if j % 9 == 0:',
                     '            _ss.discard(j * %d + i)' % k,
                     '_p(_spawn([_w] * %d))' % k,
                     '_p(len(_ss), sum(_ss) %% 1000003)'])
    elif t == 3:
        blk.guarded(['_lk = _thread.allocate_lock()',
                     '_cnt = [0]',
                     'def _w(i):',
                     '    for j in range(%d):' % m,
                     '        with _lk:',
                     '            _cnt[0] += 1',
                     '_p(_spawn([_w] * %d), _cnt[0])' % k])
    elif t == 4:
        blk.guarded(['_it = iter(list(range(%d)))' % (m * 2),
                     '_got = [[] for _ in range(%d)]' % k,
                     'def _w(i):',
                     '    for x in _it:',
                     '        _got[i].append(x)',
                     '_p(_spawn([_w] * %d))' % k,
                     '_all = sorted(x for g in _got for x in g)',
                     '_p(len(_all), _all == list(range(%d)))' % (m * 2)])
    elif t == 5:
        blk.guarded(['class _Obj:',
                     '    pass',
                     '_o = _Obj()',
                     'def _w(i):',
                     '    for j in range(%d):' % m,
                     "        setattr(_o, 'a%d_%d' % (i, j % 20), j)",
                     "        getattr(_o, 'a0_0', None)",
                     '        if j % 11 == 0:',
                     '            vars(_o).copy()',
                     '_p(_spawn([_w] * %d, ("RuntimeError",)))' % k,
                     '_p(len(vars(_o)), sorted(vars(_o))[:3])'])
    elif t == 6:
        blk.guarded(['import gc',
                     'def _w(i):',
                     '    keep = []',
                     '    for j in range(%d):' % (m // 10 + 1),
                     '        class T:',
                     '            x = j',
                     '            def f(self):',
                     '                return self.x',
                     '        keep.append(T().f())',
                     '        keep.append([j] * 3)',
                     '        keep.append({str(j): (lambda: j)})',
                     '        if j % 50 == 0 and i == 0:',
                     '            gc.collect()',
                     '        if len(keep) > 30:',
                     '            del keep[:20]',
                     '_p(_spawn([_w] * %d))' % k])
    elif t == 7:
        blk.guarded(['_rd = {j: str(j) for j in range(%d)}' % ctx.pick([50, 500]),
                     '_bad = []',
                     'def _w(i):',
                     '    if i == 0:',
                     '        for j in range(%d):' % m,
                     "            _rd['k%d' % j] = j",
                     '    else:',
                     '        for j in range(%d):' % m,
                     '            key = j % 50',
                     '            if _rd.get(key) != str(key):',
                     '                _bad.append(key)',
                     '_p(_spawn([_w] * %d), _bad[:5], len(_rd))' % k])
    elif t == 8:
        blk.guarded(['_sl = list(range(%d))' % ctx.pick([100, 1000]),
                     'def _w(i):',
                     '    for j in range(%d):' % (m // 10 + 1),
                     '        %s' % ctx.pick(['_sl.sort(key=lambda x: -x if i % 2 else x)', '_sl.reverse()',
                                               '_sl[:] = _sl[::-1]', '_sl.insert(0, _sl.pop())',
                                               'sorted(_sl)', '_sl.count(3)', 'max(_sl)']),
                     '_p(_spawn([_w] * %d, ("ValueError", "IndexError")))' % k,
                     '_p(len(_sl), sorted(_sl) == list(range(len(_sl))))'])
    else:
        blk.guarded(['_ba = bytearray()',
                     '_strs = []',
                     'def _w(i):',
                     '    for j in range(%d):' % m,
                     '        _ba.extend(b"xy")',
                     "        _strs.append(str(i) * (j % 5))",
                     "        if j % 100 == 0:",
                     "            ''.join(_strs[-10:])",
                     '_p(_spawn([_w] * %d), len(_ba), len(_strs))' % k])
