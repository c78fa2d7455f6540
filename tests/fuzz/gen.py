#!/usr/bin/env python3
"""Write random valid Python programs (see fuzzgen/__init__.py).

    python3 tests/fuzz/gen.py --seed 7 --index 3            # one program to stdout
    python3 tests/fuzz/gen.py --seed 7 --count 100 --out DIR  # DIR/p0000.py ...
    python3 tests/fuzz/gen.py --list-features

The same (seed, index, features) always gives the same program.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fuzzgen  # noqa: E402


def split_list(s):
    return [x.strip() for x in s.split(',') if x.strip()] if s else []


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', default='0')
    ap.add_argument('--index', type=int, default=0)
    ap.add_argument('--count', type=int, default=None)
    ap.add_argument('--out', default=None)
    ap.add_argument('--features', default='', help='comma list of feature groups to generate (default all)')
    ap.add_argument('--exclude', default='', help='comma list of features to leave out')
    ap.add_argument('--blocks', type=int, default=None, help='blocks per program (default random 4..12)')
    ap.add_argument('--list-features', action='store_true')
    a = ap.parse_args()
    if a.list_features:
        for g in sorted(fuzzgen.GROUPS):
            print('%-12s group   %s' % (g, fuzzgen.GROUPS[g][2]))
        for f in sorted(fuzzgen.SUBFEATURES):
            print('%-12s feature %s' % (f, fuzzgen.SUBFEATURES[f]))
        return 0
    feats = fuzzgen.resolve_features(split_list(a.features), split_list(a.exclude))
    if a.count is None:
        sys.stdout.write(fuzzgen.generate(a.seed, a.index, feats, a.blocks))
        return 0
    if not a.out:
        ap.error('--count needs --out')
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.index, a.index + a.count):
        with open(os.path.join(a.out, 'p%05d.py' % i), 'w', encoding='utf-8') as f:
            f.write(fuzzgen.generate(a.seed, i, feats, a.blocks))
    return 0


if __name__ == '__main__':
    sys.exit(main())
