# fork and wait: exit codes through _exit and normal exit, waitpid with
# WNOHANG, wait(), signals (kill of a sleeping child), register_at_fork
# hook order in parent and child, a child that uses threads, and memory
# (the child's copy of the heap works: allocation and collection).
import gc
import os
import sys
import threading
import time
from _helper_tmp import t


def child_exit(code):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    return pid


for code in [0, 1, 7, 255]:
    pid = child_exit(code)
    wpid, status = os.waitpid(pid, 0)
    print(code, wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

sys.stdout.flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    # The child can allocate, collect and start threads.
    data = [list(range(50)) for _ in range(200)]
    gc.collect()
    out = []
    th = threading.Thread(target=lambda: out.append(sum(map(sum, data))))
    th.start()
    th.join()
    os.write(w, ("child %d %s" % (out[0], threading.current_thread() is threading.main_thread())).encode())
    os.close(w)
    os._exit(3)
os.close(w)
msg = b""
while True:
    b = os.read(r, 100)
    if not b:
        break
    msg += b
os.close(r)
wpid, status = os.waitpid(pid, 0)
print(msg.decode(), os.WEXITSTATUS(status))

sys.stdout.flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.close(w)
    time.sleep(30)
    os._exit(0)
os.close(w)
print(os.waitpid(pid, os.WNOHANG))
os.kill(pid, 15)
wpid, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
os.close(r)

pid = child_exit(4)
wpid, status = os.wait()
print(wpid == pid, os.WEXITSTATUS(status))
t("wait none left", lambda: os.wait())

events = []
os.register_at_fork(before=lambda: events.append("before1"),
                    after_in_parent=lambda: events.append("parent1"),
                    after_in_child=lambda: events.append("child1"))
os.register_at_fork(before=lambda: events.append("before2"),
                    after_in_parent=lambda: events.append("parent2"),
                    after_in_child=lambda: events.append("child2"))
sys.stdout.flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, ",".join(events).encode())
    os._exit(0)
os.close(w)
child_events = os.read(r, 1000).decode()
os.close(r)
os.waitpid(pid, 0)
print("parent:", ",".join(events))
print("child:", child_events)
t("register nothing", lambda: os.register_at_fork())
t("register noncallable", lambda: os.register_at_fork(before=1))
t("register positional", lambda: os.register_at_fork(print))
t("register bad kw", lambda: os.register_at_fork(after=print))
t("fork arg", lambda: os.fork(1))
t("waitpid bad", lambda: os.waitpid("x", 0))

# A child started while other threads run: only the forking thread
# survives in the child.
stop = threading.Event()
def spin():
    x = 0
    while not stop.is_set():
        x += 1
        [x] * 10
ths = [threading.Thread(target=spin) for _ in range(2)]
for th in ths:
    th.start()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    gc.collect()
    n = threading.active_count()
    os._exit(10 + n)
wpid, status = os.waitpid(pid, 0)
stop.set()
for th in ths:
    th.join()
print("threads in child:", os.WEXITSTATUS(status) - 10)
