# gc-stress: 10
# list.sort detects any mutation of the list during the sort, even one
# that leaves it empty again (the error comes after the sort's own).
from functools import cmp_to_key

def check(label, L, **kw):
    try:
        L.sort(**kw)
        print(label, "sorted", L)
    except Exception as e:
        print(label, type(e).__name__, e, L)


L = [3, 1, 2]


def append_pop(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)


check("append+pop", L, key=cmp_to_key(append_pop))

L = [3, 1, 2]


def append_clear(x, y):
    L.append(3)
    del L[:]
    return (x > y) - (x < y)


check("append+clear", L, key=cmp_to_key(append_clear))

L = [3, 1, 2]


def clear_only(x, y):
    del L[:]
    return (x > y) - (x < y)


check("clear", L, key=cmp_to_key(clear_only))

L = [3, 1, 2]


def extend_empty(x, y):
    L.extend([])
    return (x > y) - (x < y)


check("extend []", L, key=cmp_to_key(extend_empty))

L = [3, 1, 2]


def reads(x, y):
    len(L)
    L[:]
    return (x > y) - (x < y)


check("reads", L, key=cmp_to_key(reads))

L = [5, 4, 3, 2, 1]


def raising(x, y):
    L.append(0)
    raise KeyError("boom")


check("raise after mutation", L, key=cmp_to_key(raising))

L = [2, 1]


def key_appends(x):
    L.append(x)
    return x


check("key appends", L, key=key_appends)
print(L)

L = list(range(20))
check("plain", L, reverse=True)

for name, op in [("slice assign", lambda: L.__setitem__(slice(None), [])), ("clear()", lambda: L.clear()),
                 ("imul 0", lambda: L.__imul__(0)), ("del slice", lambda: L.__delitem__(slice(0, 5))),
                 ("append", lambda: L.append(1)), ("insert", lambda: L.insert(0, 1)),
                 ("slice assign 1", lambda: L.__setitem__(slice(None), [1])), ("iadd []", lambda: L.__iadd__([])),
                 ("reverse", lambda: L.reverse()), ("sort", lambda: L.sort()), ("remove", lambda: L.remove(1))]:
    L = [3, 1, 2]

    def cmp(x, y, op=op):
        try:
            op()
        except ValueError:
            pass
        return (x > y) - (x < y)

    check(name, L, key=cmp_to_key(cmp))
