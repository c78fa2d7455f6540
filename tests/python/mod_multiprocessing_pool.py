# gc-stress: 10
# multiprocessing.pool.ThreadPool and multiprocessing.dummy: thread pools
# with the multiprocessing API (they need _multiprocessing.SemLock to import).
# (Collections every 10 safepoints: at every one the pools take 80 s.)
import threading
from multiprocessing.pool import ThreadPool
import multiprocessing.dummy as dummy


def square(x):
    return x * x


def add(a, b):
    return a + b


def boom(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x


with ThreadPool(3) as pool:
    print(pool.map(square, range(10)))
    print(list(pool.imap(square, range(8))))
    print(list(pool.imap(square, range(20), chunksize=4)))
    print(sorted(pool.imap_unordered(square, range(12))))
    print(sorted(pool.imap_unordered(square, range(12), chunksize=5)))
    print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
    r = pool.apply_async(add, (10, 20))
    print(r.get(timeout=10), r.ready(), r.successful())
    print(pool.apply(square, (7,)))
    r = pool.map_async(square, [1, 2, 3])
    print(r.get(10))
    r = pool.starmap_async(add, [(1, 1), (2, 2)])
    print(r.get(10))
    r = pool.apply_async(boom, (3,))
    try:
        r.get(10)
    except ValueError as e:
        print("ValueError", e, r.successful())
    try:
        pool.map(boom, range(5))
    except ValueError as e:
        print("map ValueError", e)
    it = pool.imap(boom, range(5))
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print("imap", got, e)
    results = []
    done = threading.Event()

    def cb(v):
        results.append(v)
        done.set()

    pool.apply_async(square, (9,), callback=cb)
    done.wait(10)
    print("callback", results)
    errs = []
    ev = threading.Event()

    def ecb(e):
        errs.append(repr(e))
        ev.set()

    pool.apply_async(boom, (3,), error_callback=ecb)
    ev.wait(10)
    print("error_callback", errs)

pool = ThreadPool(2)
print(pool.map(len, ["a", "bb", "ccc"]))
pool.close()
pool.join()
try:
    pool.map(len, ["a"])
except ValueError as e:
    print("closed:", e)

# Workers really are threads of this process: they see the same globals.
seen = set()
lock = threading.Lock()


def note(x):
    with lock:
        seen.add(threading.current_thread().name != "MainThread")
    return x


with ThreadPool(4) as p:
    p.map(note, range(40))
print("ran in workers", seen)

# initializer / initargs
local = threading.local()


def init(base):
    local.base = base


def offset(x):
    return local.base + x


with ThreadPool(2, initializer=init, initargs=(100,)) as p:
    print(p.map(offset, range(5)))

# multiprocessing.dummy
with dummy.Pool(3) as p:
    print(p.map(square, range(6)))
    print(sorted(p.imap_unordered(square, range(6))))
    print(p.starmap(add, [(2, 3)]))
p2 = dummy.Pool(2)
print(list(p2.imap(square, [4, 5])))
p2.close()
p2.join()

print(dummy.current_process().name)
print(type(dummy.Process).__name__, dummy.Process.__name__)
q = dummy.Queue()
q.put(5)
print(q.get())
t = dummy.Process(target=q.put, args=(6,))
t.start()
t.join()
print(q.get(), t.exitcode)
m = dummy.Manager()
print(type(m.list()).__name__, type(m.dict()).__name__)
ns = dummy.Namespace(a=1)
print(ns.a, ns)
v = dummy.Value("i", 3)
print(v.value)
print("done")
