# _thread.interrupt_main() from another thread while the main thread waits
# in threading's own lock handling (Thread.start waiting for the thread to
# start, join waiting for it to end): as in CPython the simulated signal
# does not cut a lock wait short (that would leave a Condition's lock
# released under it: "RuntimeError: release unlocked lock"); the
# KeyboardInterrupt comes once the main thread runs Python code again.
import _thread
import threading

results = []
for i in range(30):
    t = threading.Thread(target=_thread.interrupt_main)
    try:
        t.start()
        t.join()
        results.append("none")
    except KeyboardInterrupt:
        results.append("kbd")
    except RuntimeError as e:
        results.append(f"RuntimeError: {e}")
    t.join()
print(set(results))

# A lock the interrupted wait leaves alone still works.
c = threading.Condition()
with c:
    c.notify_all()
print("condition ok")

# A real signal does stop a wait of the main thread.
import os
import signal
import time

def send():
    time.sleep(0.2)
    os.kill(os.getpid(), signal.SIGINT)

lock = threading.Lock()
lock.acquire()
t = threading.Thread(target=send)
t.start()
try:
    lock.acquire(timeout=30)
    print("not interrupted")
except KeyboardInterrupt:
    print("lock wait interrupted by SIGINT")
t.join()
