# gc-stress: 50
# Threads importing the same module at the same time: the module's code
# runs once, and no thread sees it half-initialized.
import sys, _thread
sys.path.insert(0, sys.path[0] + '/_imp')
state = type(sys)('slow_state')
state.started = 0
sys.modules['slow_state'] = state

results = []
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
N = 4
def worker(i):
    import slowmod
    seen = (hasattr(slowmod, 'FIRST'), getattr(slowmod, 'DONE', False), slowmod.total)
    with lock:
        results.append(seen)
        if len(results) == N:
            done.release()

for i in range(N):
    _thread.start_new_thread(worker, (i,))
done.acquire()
print('every thread saw the finished module:', results == [(True, True, 0)] * N)
print('the module ran once:', state.started)

# A module imported from a thread for the first time while the main thread
# imports another one of the same package (both wait for the package's
# __init__, which imports plainpkg.alpha). Not plainpkg.alpha itself in the
# thread: holding its lock while waiting for the package's, against a thread
# whose __init__ waits for it, is a true lock-order deadlock, which CPython
# reports as "deadlock detected" too when the threads interleave so.
results.clear()
done2 = _thread.allocate_lock()
done2.acquire()
def other():
    import plainpkg.gamma
    results.append(plainpkg.gamma.G)
    done2.release()
_thread.start_new_thread(other, ())
import plainpkg.beta
done2.acquire()
print(results, plainpkg.beta.B)
