# math.fsum (exact, with inf/nan/overflow rules), hypot with any number
# of coordinates, dist, and log of huge ints; results equal CPython's.
import math

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

inf, nan = math.inf, math.nan
for data in [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [inf, -inf], [inf, inf],
             [nan, 1], [1e308, 1e308], [1e308, 1e308, -1e308], [], ['a'], [2**1100], [1, 2**53, 1],
             [1e-16, 1, 1e16], [0.1, 0.2, 0.3, -0.6], [-0.0, -0.0], [-0.0], [1.5, -inf, 2], [inf, nan],
             [2.0**-1074, 2.0**-1074], [1e16, 1.0, 1e-16], list(range(1000)), [1 / n for n in range(1, 100)],
             [(-1) ** n / (2 * n + 1) for n in range(2000)]]:
    show(f'fsum({str(data)[:40]})', lambda: math.fsum(data))
show('fsum(5)', lambda: math.fsum(5))
show('fsum(iter)', lambda: math.fsum(x / 10 for x in range(10)))
show('fsum()', lambda: math.fsum())
show('sum vs fsum', lambda: (sum([0.1] * 10), math.fsum([0.1] * 10)))
for coords in [(), (3,), (-3,), (3, 4), (3, 4, 12), (inf, nan), (nan, 1), (1e308, 1e308), (1e-320, 1e-320),
               tuple(range(10)), (1e-310, 3e-310, 2e-309), (1.5, 2**60), (0.0, -0.0), (1, 1, 1, 1),
               (1e200, 1e-200), (5e-324, 5e-324, 5e-324), (2**1000, 2**999), (0.1, 0.2, 0.3, 0.4, 0.5)]:
    show(f'hypot{coords}', lambda: math.hypot(*coords))
show("hypot('a')", lambda: math.hypot('a'))
show('hypot(1j)', lambda: math.hypot(1j))
show('hypot(x=1)', lambda: math.hypot(x=1))
for p, q in [([0, 0], [3, 4]), ((1,), (1, 2)), ([0], [1]), ([], []), ([inf, 0], [0, nan]), (['a'], [1]),
             ((1.5, 2.5, 3.5), (-1, -2, -3)), (range(5), range(5, 10)), ([1e308, -1e308], [-1e308, 1e308]),
             ((x for x in [1, 2]), [4, 6])]:
    show(f'dist({str(p)[:20]}, {str(q)[:20]})', lambda: math.dist(p, q))
show('dist(1, 2)', lambda: math.dist(1, 2))
show('dist([1])', lambda: math.dist([1]))
for n in [2**1000, 10**1000, 3**5000, 2**1024 - 1, 2**1024, 2**1023 * 3, 10**308, 10**309, 7]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 2), math.log(n, 10**100), math.log1p(n) if n < 2**1000 else '-')
for bad in [0, -1, -(10**1000), False]:
    show(f'log({bad})', lambda: math.log(bad))
    show(f'log2({bad})', lambda: math.log2(bad))
show('log(10**400, 0)', lambda: math.log(10**400, 0))
show('log(10**400, 1)', lambda: math.log(10**400, 1))
