# sort: a list changed during the sort raises ValueError("list modified
# during sort") and keeps a permutation; exceptions from keys and
# comparisons propagate with the list left intact or permuted; the list
# looks empty while it is being sorted.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

def f():
    l = [3, 1, 2]
    def k(x):
        l.append(x)
        return x
    l.sort(key=k)
show('append in key', f)
def f():
    l = [3, 1, 2]
    def k(x):
        l.append(x)
        return x
    try:
        l.sort(key=k)
    except ValueError as e:
        return str(e), sorted(l)
show('list after append in key', f)
def f():
    l = [3, 1, 2]
    seen = []
    def k(x):
        seen.append(len(l))
        return x
    l.sort(key=k)
    return seen, l
show('list looks empty during sort', f)
def f():
    l = [3, 1, 2]
    def k(x):
        l.clear()
        return x
    l.sort(key=k)
    return l
show('clear in key', f)
def f():
    l = [3, 1, 2]
    class C:
        def __init__(s, v): s.v = v
        def __lt__(s, o):
            l.append(1)
            return s.v < o.v
    l[:] = [C(3), C(1), C(2)]
    l.sort()
show('append in __lt__', f)
def f():
    l = [3, 1, 2]
    def k(x):
        raise ValueError('boom')
    try:
        l.sort(key=k)
    except ValueError as e:
        return str(e), l
show('key raises', f)
def f():
    l = [3, 1, 2, 5, 4]
    n = [0]
    def k(x):
        n[0] += 1
        if n[0] == 3:
            raise KeyError('third')
        return x
    try:
        l.sort(key=k, reverse=True)
    except KeyError as e:
        return repr(e), l
show('key raises midway, reverse', f)
def f():
    class C:
        def __init__(s, v): s.v = v
        def __lt__(s, o):
            if s.v == 0 or o.v == 0:
                raise KeyError('zero')
            return s.v < o.v
    l = [C(3), C(1), C(2), C(0)]
    try:
        l.sort()
    except KeyError as e:
        return repr(e), sorted(c.v for c in l), len(l)
show('__lt__ raises', f)
def f():
    l = list(range(20))
    try:
        l.sort(key=lambda x: 1 / (x - 10))
    except ZeroDivisionError as e:
        return str(e), l == list(range(20))
show('key error leaves list unchanged', f)
def f():
    l = [1, 'a', 2]
    try:
        l.sort()
    except TypeError as e:
        return str(e), sorted(map(str, l))
show('type error in compare', f)
def f():
    l = [2, 1]
    l.sort(key=lambda x: l.sort() or x)
    return l
show('nested sort in key', f)
