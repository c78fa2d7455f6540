# gc-stress: 20
# range iterators: length hints, pickling state, and one iterator shared by
# two threads (each value handed out exactly once).
it = iter(range(3, 50, 4))
print(it.__length_hint__(), next(it), it.__length_hint__(), it.__reduce__())
it.__setstate__(5); print(list(it), it.__length_hint__(), it.__reduce__())
it = iter(range(10)); it.__setstate__(-3); print(next(it)); it.__setstate__(100); print(list(it), it.__reduce__())
import pickle, copy
it = iter(range(0, -20, -3)); next(it); next(it)
print(list(copy.copy(it)), list(pickle.loads(pickle.dumps(it))), list(it), list(it))
print(sum(range(10**6)), list(range(5))[::-1], [x for x in range(2**46, 2**46+3)])
import threading
it = iter(range(50000)); got = [[], []]
def w(k):
    for x in it: got[k].append(x)
ts = [threading.Thread(target=w, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
allv = sorted(got[0] + got[1]); print(len(allv), allv == list(range(50000)))

# The thread that made an iterator steps it while another thread joins in:
# still every item exactly once (the first step from the second thread
# turns the owner's plain steps into shared ones).
def owner_and_guest(make, n):
    it = make(n)
    got_a, got_b = [], []
    started = threading.Event()

    def guest():
        started.wait()
        for x in it:
            got_b.append(x)

    g = threading.Thread(target=guest)
    g.start()
    for k, x in enumerate(it):
        got_a.append(x)
        if k == 10:
            started.set()
    started.set()
    g.join()
    allv = sorted(got_a + got_b)
    return len(allv), allv == list(range(n))

for make in (lambda n: iter(range(n)), lambda n: iter(list(range(n))),
             lambda n: iter(tuple(range(n)))):
    for n in (5, 50000):
        print(owner_and_guest(make, n))
