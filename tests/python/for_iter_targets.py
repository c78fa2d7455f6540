# for-loop targets of every kind over list and range iterators (the
# interpreter steps these inline and stores a plain local target directly),
# with the list changing under the loop.


class Box:
    pass


def kinds():
    b = Box()
    d = {}
    out = []
    for b.attr in [1, 2]:
        out.append(b.attr)
    for d["k"] in range(3):
        out.append(d["k"])
    for x, y in [(1, 2), (3, 4)]:
        out.append(x + y)
    for x, *rest in [[1, 2, 3], [4]]:
        out.append((x, rest))
    cells = []
    for c in range(3):
        cells.append(lambda: c)          # a cell variable target
    out.append([f() for f in cells])
    for _ in []:
        out.append("never")
    else:
        out.append("empty else")
    for i in range(10):
        if i == 3:
            break
    else:
        out.append("not reached")
    out.append(i)
    return out


G = None


def global_target():
    global G
    for G in range(4):
        pass
    return G


print(kinds())
print(global_target(), G)

# Appending during iteration extends the loop; removing shortens it.
a = [1, 2, 3]
seen = []
for v in a:
    seen.append(v)
    if v < 3 and len(a) < 8:
        a.append(v * 10)
print(seen, a)
b = list(range(10))
seen = []
for v in b:
    seen.append(v)
    if b:
        b.pop()
print(seen, b)
c = [0, 1, 2, 3]
for v in c:
    c[:] = []
print(v, c)

# An exhausted iterator stays exhausted; a fresh one restarts.
it = iter([1, 2])
print(list(it), list(it), [v for v in it])
r = iter(range(3))
for v in r:
    pass
print(v, list(r), next(r, "done"))

# Negative steps, empty and large ranges.
print([v for v in range(10, 0, -3)], [v for v in range(0)], sum(v for v in range(-5, 5)))
total = 0
for v in range(2 ** 40, 2 ** 40 + 3):
    total += v
print(total)


def gen():
    for v in [1, 2, 3]:
        yield v
    for v in range(2):
        yield -v


print(list(gen()))
