# gc-stress: 20
# Iteration order of sets of ints equals CPython's after any sequence of
# operations (the table layout, probing, dummy reuse and resizing all
# match): a seeded random walk over adds, discards, pops and every set
# operation, printing the sets as they go.

state = 2024
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 20

sets = [set() for _ in range(5)]
for step in range(700):
    op = rnd() % 26
    i = rnd() % 5
    j = rnd() % 5
    s = sets[i]
    o = sets[j]
    k = rnd() % 300 - 50
    form = rnd() % 3
    arg = o if form == 0 else (list(o) if form == 1 else dict.fromkeys(o))
    if op < 5:
        s.add(k)
    elif op < 7:
        s.discard(k)
    elif op == 7 and s:
        s.pop()
    elif op == 8:
        sets[i] = s | o
    elif op == 9:
        sets[i] = s & o
    elif op == 10:
        s.symmetric_difference_update(arg)
    elif op == 11:
        sets[i] = s - o
    elif op == 12:
        s.update(range(k, k + rnd() % 20))
    elif op == 13:
        sets[i] = s ^ o
    elif op == 14:
        s |= o
    elif op == 15:
        s &= o
    elif op == 16:
        s -= o
    elif op == 17:
        s ^= o
    elif op == 18:
        s.intersection_update(arg)
    elif op == 19:
        s.difference_update(arg)
    elif op == 20:
        sets[i] = s.union(arg, list(sets[(j + 1) % 5]))
    elif op == 21:
        sets[i] = s.intersection(arg)
    elif op == 22:
        sets[i] = s.difference(arg, sets[(j + 2) % 5])
    elif op == 23:
        sets[i] = s.symmetric_difference(arg)
    elif op == 24:
        sets[i] = set(s) if form else s.copy()
    elif op == 25:
        sets[i] = set(frozenset(s) | frozenset(o))
    if len(sets[i]) > 150:
        sets[i] = set(list(sets[i])[:20])
    if step % 7 == 0:
        print(step, op, sets[i])
print([sorted(x) == sorted(set(x)) for x in sets], [hash(frozenset(x)) for x in sets])
print({x * 0.5 for x in range(20)}, {(x, -x) for x in range(8)}, {-x for x in range(30)})
print(frozenset(range(30, 0, -3)), {2**61 - 1 + i for i in range(5)}, {x * 2**40 for x in range(6)})
