# gc-stress: 200
# list.remove(x) finds x, then removes it: another thread moving items in
# between must not make it remove a different item (it checks and removes
# under one hold of the list's lock).
import _thread

def run(n):
    l = list(range(n))
    state = {'stop': False, 'bad': 0, 'moves': 0}
    done = _thread.allocate_lock()
    done.acquire()

    def mover():
        while not state['stop']:
            l.insert(0, -1)
            if l.pop(0) != -1:
                state['bad'] += 1
            state['moves'] += 1
        done.release()

    _thread.start_new_thread(mover, ())
    for v in range(1, n, 2):
        l.remove(v)
    state['stop'] = True
    done.acquire()
    return l == list(range(0, n, 2)), state['bad']

for _ in range(5):
    print(run(1500))
