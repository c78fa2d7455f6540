# _thread.interrupt_main(): on the main thread KeyboardInterrupt is raised
# by the call itself; with SIGINT ignored or at its default it does
# nothing; from another thread the main thread gets it at its next check.
import _thread
import signal
import threading
import time

try:
    _thread.interrupt_main()
    print("not raised")
except KeyboardInterrupt:
    print("raised at once")

old = signal.getsignal(signal.SIGINT)
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
signal.signal(signal.SIGINT, signal.SIG_DFL)
_thread.interrupt_main()
signal.signal(signal.SIGINT, old)
print("ignored and default: nothing")

seen = []
signal.signal(signal.SIGUSR1, lambda s, f: seen.append(s))
_thread.interrupt_main(signal.SIGUSR1)
print("other signal", seen == [signal.SIGUSR1])

started = threading.Event()


def fire():
    # Wait until the main thread is in its sleep loop: a KeyboardInterrupt
    # inside threading's own lock handling would break its Condition.
    started.wait()
    time.sleep(0.05)
    _thread.interrupt_main()


t = threading.Thread(target=fire)
t.start()
try:
    started.set()
    for _ in range(100):
        time.sleep(0.01)
    print("not interrupted")
except KeyboardInterrupt:
    print("interrupted from a thread")
t.join()
