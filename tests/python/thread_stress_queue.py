# gc-stress: 200
# queue.Queue, LifoQueue, PriorityQueue and SimpleQueue with several
# producers and consumers at once: nothing lost, nothing duplicated,
# task_done/join balance, and the bounded queue's blocking put/get with
# timeouts. Output is deterministic (sums and counts only).
import queue
import threading

N_PROD, N_CONS, PER = 4, 4, 2000

def run(q, label):
    results = [[] for _ in range(N_CONS)]
    def producer(p):
        for i in range(PER):
            q.put(p * PER + i)
    def consumer(c):
        out = results[c]
        while True:
            x = q.get()
            if x is None:
                q.task_done()
                return
            out.append(x)
            q.task_done()
    prods = [threading.Thread(target=producer, args=(p,)) for p in range(N_PROD)]
    cons = [threading.Thread(target=consumer, args=(c,)) for c in range(N_CONS)]
    for t in prods + cons:
        t.start()
    for t in prods:
        t.join()
    q.join()
    for _ in cons:
        q.put(None)
    for t in cons:
        t.join()
    got = sorted(x for r in results for x in r)
    print(label, len(got), got == list(range(N_PROD * PER)), q.qsize(), q.empty())

run(queue.Queue(), "Queue")
run(queue.Queue(maxsize=8), "Queue(maxsize=8)")
run(queue.LifoQueue(), "LifoQueue")

# PriorityQueue: None cannot be compared with ints, so stop with a tuple.
pq = queue.PriorityQueue()
out = []
lock = threading.Lock()
def pprod(p):
    for i in range(2000):
        pq.put((0, p * 2000 + i))
def pcons():
    while True:
        prio, x = pq.get()
        if prio == 1:
            return
        with lock:
            out.append(x)
ps = [threading.Thread(target=pprod, args=(p,)) for p in range(3)]
cs = [threading.Thread(target=pcons) for _ in range(3)]
for t in ps + cs:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    pq.put((1, -1))
for t in cs:
    t.join()
print("PriorityQueue", len(out), sorted(out) == list(range(6000)))

# SimpleQueue (the native _queue).
sq = queue.SimpleQueue()
total = []
def sprod():
    for i in range(5000):
        sq.put(i)
def scons():
    s = 0
    while True:
        x = sq.get()
        if x < 0:
            break
        s += x
    with lock:
        total.append(s)
ps = [threading.Thread(target=sprod) for _ in range(3)]
cs = [threading.Thread(target=scons) for _ in range(2)]
for t in ps + cs:
    t.start()
for t in ps:
    t.join()
sq.put(-1); sq.put(-1)
for t in cs:
    t.join()
print("SimpleQueue", sum(total) == 3 * sum(range(5000)), sq.empty())

# Bounded queue: put/get with timeouts and the Full/Empty exceptions.
b = queue.Queue(maxsize=2)
b.put(1); b.put(2)
try:
    b.put(3, timeout=0.01)
except queue.Full:
    print("Full", b.full(), b.qsize())
try:
    b.put_nowait(3)
except queue.Full:
    print("Full nowait")
print(b.get(), b.get_nowait())
try:
    b.get(timeout=0.01)
except queue.Empty:
    print("Empty", b.empty())
try:
    b.task_done(); b.task_done(); b.task_done()
except ValueError as e:
    print("ValueError", e)
