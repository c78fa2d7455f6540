# gc-stress: 5
# Allocation churn for the garbage collector: many short-lived objects,
# reference cycles that become garbage, long-lived structures that must
# survive collections, closures and generators holding references, big
# ints and strings built in loops. Every result is checked and printed.
# (The first line asks the test runner for FTPY_GC_STRESS=5 in the stress
# run instead of collecting at every safepoint.)

class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None
    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child

def build_tree(depth, fanout, counter):
    root = Node(counter[0])
    counter[0] += 1
    if depth > 0:
        for _ in range(fanout):
            root.add(build_tree(depth - 1, fanout, counter))
    return root

def tree_sum(node):
    total = node.value
    stack = list(node.children)
    while stack:
        n = stack.pop()
        total += n.value
        stack.extend(n.children)
    return total

keep = []
for round_no in range(6):
    counter = [0]
    t = build_tree(4, 3, counter)
    garbage = build_tree(3, 3, [0])
    garbage = None
    keep.append(t)
    print("round", round_no, "nodes", counter[0], "sum", tree_sum(t))
print("kept trees still intact:", [tree_sum(t) for t in keep])
print("parent links:", all(c.parent is t for t in keep for c in t.children))

cycles_made = 0
for i in range(300):
    a = {"name": "a%d" % i}
    b = {"name": "b%d" % i, "peer": a}
    a["peer"] = b
    lst = [a, b]
    lst.append(lst)
    cycles_made += 1
print("cycles made:", cycles_made, a["peer"]["peer"] is a, lst[2] is lst)

def make_closures(n):
    fs = []
    for i in range(n):
        data = list(range(i, i + 5))
        fs.append(lambda k, data=data: sum(data) * k)
    return fs
closures = make_closures(200)
print(sum(f(2) for f in closures), closures[7](1), closures[-1](3))

def chunks(seq, size):
    buf = []
    for item in seq:
        buf.append(item)
        if len(buf) == size:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)
gens = [chunks(range(i * 10, i * 10 + 25), 4) for i in range(20)]
firsts = [next(g) for g in gens]
rests = [list(g) for g in gens]
print(firsts[3], rests[3], sum(len(r) for r in rests))

strings = []
s = ""
for i in range(400):
    s += chr(97 + i % 26)
    if i % 50 == 49:
        strings.append(s)
        s = ""
print(len(strings), strings[0][:10], strings[-1][-5:], sum(len(x) for x in strings))
acc = 1
bigs = []
for i in range(1, 120):
    acc *= i
    if i % 20 == 0:
        bigs.append(acc)
print([len(str(b)) for b in bigs], bigs[0] % 1000003, acc % (2 ** 61 - 1))

table = {}
for i in range(2000):
    table[i] = [i] * (i % 5)
    if i % 3 == 0:
        del table[i]
print(len(table), sum(len(v) for v in table.values()), table[1999][:2])
pairs = [(i, str(i), float(i), [i]) for i in range(500)]
pairs = [p for p in pairs if p[0] % 7 == 0]
print(len(pairs), pairs[-1], sum(p[2] for p in pairs))

class Registry:
    items = []
    def __init__(self, tag):
        self.tag = tag
        self.self_ref = self
        Registry.items.append(self)
for i in range(100):
    Registry("r%d" % i)
Registry.items = Registry.items[::10]
print([r.tag for r in Registry.items], all(r.self_ref is r for r in Registry.items))
matrix = [[i * j for j in range(30)] for i in range(30)]
for _ in range(5):
    matrix = [list(row) for row in zip(*matrix)]
print(matrix[3][7], matrix[29][28], sum(map(sum, matrix)))
