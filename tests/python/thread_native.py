# gc-stress: 200
import _thread, time
lock = _thread.allocate_lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.05))
lock.release(); print(lock.locked())
try: lock.release()
except RuntimeError as e: print(e)
for c in ['lock.acquire(False, 1)','lock.acquire(timeout=-2)','_thread.start_new_thread(1,())','_thread.start_new_thread(print,[])','_thread.start_new_thread(print,(),1)','_thread.stack_size(1000)','lock.acquire(1,2,3)', '_thread.RLock().release()']:
  try: print(c, eval(c))
  except Exception as e: print(c, type(e).__name__, e)
with lock: print('in', lock.locked())
print(lock.locked())
r = _thread.RLock()
r.acquire(); r.acquire(); print(r._is_owned(), r._recursion_count()); r.release(); r.release(); print(r._is_owned())
done = _thread.allocate_lock(); done.acquire()
results = []
N = 4
counter_lock = _thread.allocate_lock()
remaining = [N]
def work(i, k=0):
    s = 0
    for j in range(20000):
        s += j * i
    with counter_lock:
        results.append((i, s, k))
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()
for i in range(N):
    _thread.start_new_thread(work, (i,), {'k': i * 10})
done.acquire()
print(sorted(results))
loc = _thread._local()
loc.x = 1
seen = []
def tl():
    seen.append(hasattr(loc, 'x'))
    loc.x = 2
    seen.append(loc.x)
    done.release()
_thread.start_new_thread(tl, ())
done.acquire()
print(seen, loc.x, loc.__dict__)
class MyLocal(_thread._local):
    def __init__(self, v): self.v = v
ml = MyLocal(5)
def tl2():
    seen.append(ml.v); ml.v = 9; done.release()
_thread.start_new_thread(tl2, ())
done.acquire(); print(seen[-1], ml.v)
try: _thread._local(1)
except TypeError as e: print(e)
print(type(lock).__name__, type(lock).__module__, _thread.LockType is type(lock), isinstance(_thread.get_ident(), int))
