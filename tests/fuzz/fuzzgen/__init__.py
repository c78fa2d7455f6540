"""A generator of random valid Python programs for differential fuzzing.

`generate(seed, index, features)` returns the source of one program. The
program is a prelude of helpers followed by blocks; each block starts with
`_b('group:detail')`, which prints `@@ group:detail`, so a runner can
split both interpreters' outputs by block and name the first block that
differs. Every risky statement is wrapped so that an exception prints its
type and message and the program goes on.

Feature groups (each a kind of block) and sub-features (constructs used
inside blocks of other groups) can be switched on and off; see FEATURES.
"""

import ast
import random
import warnings

from . import core, g_classes, g_containers, g_control, g_exc, g_misc, g_numbers, g_prog, g_text, g_threads

# name -> (weight, function, description)
GROUPS = {
    'num': (6, g_numbers.g_num, 'int/float/complex/bool operators across type pairs'),
    'bigint': (3, g_numbers.g_bigint, 'big ints: arithmetic, pow with modulus, bytes, str conversion'),
    'convert': (3, g_numbers.g_convert, 'int()/float()/complex() from strings, hex, ratios, round'),
    'math': (1, g_numbers.g_math, 'the math module'),
    'str': (6, g_text.g_str, 'str methods with random (sometimes wrong) arguments'),
    'bytes': (4, g_text.g_bytes, 'bytes/bytearray methods'),
    'codec': (3, g_text.g_codec, 'encode/decode with codecs and error handlers'),
    'fmt': (4, g_text.g_fmt, 'format(), f-strings, str.format, % formatting'),
    'list': (5, g_containers.g_list, 'list/tuple methods, slicing, sort'),
    'dict': (4, g_containers.g_dict, 'dict methods and views'),
    'set': (3, g_containers.g_set, 'set/frozenset methods and operators'),
    'range': (2, g_containers.g_range, 'range and slice'),
    'unpack': (2, g_containers.g_unpack, 'unpacking assignments and star expressions'),
    'class': (7, g_classes.g_class, 'classes with random dunder/attribute members, inheritance'),
    'diamond': (2, g_classes.g_diamond, 'diamond inheritance, C3 MRO, super()'),
    'meta': (3, g_classes.g_meta, 'metaclasses: __new__/__prepare__/__call__, dir() of such classes'),
    'descr': (3, g_classes.g_descr, 'descriptors, properties, classmethod/staticmethod, __slots__'),
    'builtin_sub': (3, g_classes.g_builtin_sub, 'subclasses of builtin types'),
    'gen': (4, g_control.g_gen, 'generators driven by next/send/throw/close, yield from'),
    'async': (3, g_control.g_async, 'coroutines and async generators stepped by hand'),
    'comp': (3, g_control.g_comp, 'comprehensions, scoping, walrus'),
    'match': (3, g_control.g_match, 'match statements with every pattern kind'),
    'closure': (4, g_control.g_closure, 'signatures, calls, closures, decorators'),
    'exc': (5, g_exc.g_exc, 'exceptions: hierarchy, chaining, notes, try/finally flow'),
    'excgroup': (2, g_exc.g_excgroup, 'exception groups (and except* blocks)'),
    'introspect': (5, g_misc.g_introspect, 'dir/vars/getattr/repr/hash on every kind of object'),
    'builtins': (5, g_misc.g_builtins, 'builtin functions with random arguments'),
    'hostile': (2, g_misc.g_hostile, 'deep nesting, recursion, huge sizes, mutation while iterating'),
    'io': (1, g_misc.g_io, 'open() in text and binary modes'),
    'stdlib': (1, g_misc.g_stdlib, 'a little of the standard library (imports mostly)'),
    'ops': (4, g_prog.g_ops, 'operators and augmented assignment across every pair of types'),
    'scope': (2, g_prog.g_scope, 'del, global/nonlocal, with several items, walrus, assert, loop else'),
    'prog': (6, g_prog.g_prog, 'small realistic programs: records, sorting, classes, formatting tables'),
    'threads': (2, g_threads.g_threads, 'threads (_thread) sharing lists, dicts, sets, iterators, objects'),
}

# Constructs used inside other groups' blocks.
SUBFEATURES = {
    'agen': 'async generators (inside async blocks)',
    'except_star': 'except* (inside excgroup blocks)',
    'memoryview': 'memoryview values (bytes arguments, bytes blocks)',
    'surrogate': 'lone surrogates in str values',
    'bignum': 'very big int literals in random expressions',
    'huge_alloc': 'allocations of 2**52 and more elements (MemoryError in CPython)',
}

FEATURES = sorted(set(GROUPS) | set(SUBFEATURES))

# Groups whose syntax a young implementation may reject at compile time; a
# block of theirs is sometimes run through exec() so that a compile error
# stays inside the block instead of failing the whole program.
EXEC_WRAPPED = {'excgroup': 0.5, 'match': 0.2, 'async': 0.2}


def resolve_features(features=None, exclude=None):
    """The enabled feature set from comma lists (None: all)."""
    on = set(FEATURES) if not features else set(features)
    if features:
        # naming only groups keeps every sub-feature on
        if not (on & set(SUBFEATURES)):
            on |= set(SUBFEATURES)
    unknown = (on | set(exclude or ())) - set(FEATURES)
    if unknown:
        raise ValueError('unknown features: %s (known: %s)' % (', '.join(sorted(unknown)), ', '.join(FEATURES)))
    on -= set(exclude or ())
    return on


def _compiles(src):
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(src, '<fuzz>', 'exec')
        except (SyntaxError, ValueError, Warning, RecursionError, MemoryError):
            return False
    return True


def _mark_statements(src, counter):
    """Insert `_s(N)` before every top-level statement (after the block
    marker), so a runner can tell which statement printed a line."""
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    lines = src.split('\n')
    starts = set()
    for node in tree.body[1:]:
        first = node.lineno
        for dec in getattr(node, 'decorator_list', ()):
            first = min(first, dec.lineno)
        starts.add(first - 1)
    out = []
    for i, line in enumerate(lines):
        if i in starts:
            counter[0] += 1
            out.append('_s(%d)' % counter[0])
        out.append(line)
    return '\n'.join(out)


def _wrap_exec(src):
    return '_t(exec, %r, globals())\n' % src


def generate(seed, index, features=None, blocks=None):
    """Source of program `index` of batch `seed` (deterministic)."""
    if features is None:
        features = set(FEATURES)
    rng = random.Random('ftpy-fuzz:%s:%d' % (seed, index))
    groups = [(GROUPS[g][0], g) for g in sorted(GROUPS) if g in features]
    if not groups:
        raise ValueError('no feature group enabled')
    ctx = core.Ctx(rng, features)
    counter = [0]
    nblocks = blocks if blocks is not None else ctx.ri(4, 12)
    out = [
        '# generated by tests/fuzz/gen.py: seed %s index %d features %s\n' % (
            seed, index, 'all' if set(features) == set(FEATURES) else ','.join(sorted(features))),
        core.PRELUDE,
    ]
    for i in range(nblocks):
        group = ctx.pickw(groups)
        src = None
        for attempt in range(8):
            blk = core.Block('%s#%d' % (group, i))
            try:
                GROUPS[group][1](ctx, blk)
            except (IndexError, ValueError):
                continue
            src = blk.source()
            if _compiles(src):
                break
            src = None
        if src is None:
            continue
        src = _mark_statements(src, counter)
        wrap = EXEC_WRAPPED.get(group)
        if wrap and ctx.ch(wrap):
            body = src.split('\n', 1)[1]
            src = "_b('%s/exec#%d')\n" % (group, i) + _wrap_exec(body)
        out.append(src)
    return ''.join(out)
