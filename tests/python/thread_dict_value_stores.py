# gc-stress: 50
# Threads replacing values of keys of one shared dict (lock-free stores)
# while others insert and delete keys (resizes): nothing lost, and
# pop/popitem/setdefault/iteration stay consistent.
import threading
d = {("k", t, i): 0 for t in range(3) for i in range(200)}
stop = False
def writer(t):
    for rnd in range(1, 60):
        for i in range(200):
            assert d[("k", t, i)] == rnd - 1, ("lost", t, i)
            d[("k", t, i)] = rnd
def churn():
    n = 0
    while not stop:
        d[("junk", n % 50)] = n
        if n % 3:
            d.pop(("junk", (n - 1) % 50), None)
        n += 1
ws = [threading.Thread(target=writer, args=(t,)) for t in range(3)]
c = threading.Thread(target=churn)
c.start()
for w in ws: w.start()
for w in ws: w.join()
stop = True
c.join()
print(sorted(set(v for k, v in d.items() if k[0] == "k")))
counts = {}
def count(words):
    for w in words:
        counts[w] = counts.get(w, 0) + 1
words = ["w%d" % (i % 97) for i in range(20000)]
lock = threading.Lock()
ts = [threading.Thread(target=count, args=(words,)) for _ in range(1)]
for t in ts: t.start()
for t in ts: t.join()
print(len(counts), sum(counts.values()), counts["w5"])
g = {}
x = 0
for i in range(1000):
    x = i
    g[i % 10] = i
print(x, sorted(g.items()))
