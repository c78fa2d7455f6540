# gc-stress: 5
# select: select(), poll and epoll objects over pipes, their errors, the
# selectors module on top, and a wait interrupted by a signal (PEP 475).
import os
import select
import selectors
import signal
import threading
import time


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


r, w = os.pipe()


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


fr, fw = F(r), F(w)

# select()
t("empty", lambda: select.select([], [], [], 0))
t("nothing ready", lambda: select.select([r], [], [], 0) == ([], [], []))
t("writable", lambda: select.select([r], [w], [], 0) == ([], [w], []))
t("objects", lambda: select.select([fr], [fw], [fr], 0.0)[1][0] is fw)
os.write(w, b"abc")
t("readable", lambda: select.select([r, fr], [w], [], None) == ([r, fr], [w], []))
t("tuple args", lambda: select.select((r,), (), ()) == ([r], [], []))
t("iter args", lambda: select.select(iter([r]), [], [])[0] == [r])
os.read(r, 3)
t("timeout passes", lambda: select.select([r], [], [], 0.01))
t("bad timeout", lambda: select.select([r], [], [], "x"))
t("negative", lambda: select.select([r], [], [], -1))
t("nan", lambda: select.select([r], [], [], float("nan")))
t("huge float", lambda: select.select([r], [], [], 1e300))
t("huge int", lambda: select.select([r], [], [], 2**70))
t("no fileno", lambda: select.select([object()], [], [], 0))
t("negative fd", lambda: select.select([-1], [], [], 0))
t("big fd", lambda: select.select([5000], [], [], 0))
t("not a sequence", lambda: select.select(3, [], [], 0))
t("fileno not int", lambda: select.select([F("x")], [], [], 0))
t("arity", lambda: select.select())
t("arity2", lambda: select.select([], [], [], 0, 1))
t("error is OSError", lambda: select.error is OSError)
cr, cw = os.pipe()
os.close(cr)
t("closed fd", lambda: select.select([cr], [], [], 0))
os.close(cw)

# a writer thread wakes a blocking select
def later(fd, data, delay):
    time.sleep(delay)
    os.write(fd, data)

th = threading.Thread(target=later, args=(w, b"x", 0.05))
th.start()
print("woken", select.select([r], [], []) == ([r], [], []))
th.join()
print(os.read(r, 10))

# poll
p = select.poll()
t("poll type", lambda: type(p))
t("poll empty", lambda: p.poll(0))
p.register(r, select.POLLIN)
p.register(fw)
t("poll w", lambda: p.poll(0))
os.write(w, b"hello")
t("poll rw", lambda: sorted(p.poll(10)))
p.modify(w, select.POLLIN)
t("poll modified", lambda: p.poll(-1))
t("poll float ms", lambda: p.poll(1.5))
t("poll None", lambda: p.poll(None))
p.unregister(fw)
t("unregister again", lambda: p.unregister(w))
t("modify missing", lambda: p.modify(w, 1))
t("bad timeout", lambda: p.poll("x"))
t("big timeout", lambda: p.poll(2**31))
t("huge timeout", lambda: p.poll(2**70))
t("nan timeout", lambda: p.poll(float("nan")))
t("mask too big", lambda: p.register(r, 2**20))
t("mask negative", lambda: p.register(r, -1))
t("mask str", lambda: p.register(r, "x"))
t("poll()", lambda: select.poll(1))
os.read(r, 5)
t("drained", lambda: p.poll(0))
th = threading.Thread(target=later, args=(w, b"y", 0.05))
th.start()
t("poll woken", lambda: p.poll())
th.join()
os.read(r, 1)

# epoll
ep = select.epoll()
t("closed", lambda: ep.closed)
t("fileno int", lambda: isinstance(ep.fileno(), int))
ep.register(r, select.EPOLLIN)
t("register twice", lambda: ep.register(r, select.EPOLLIN))
t("epoll nothing", lambda: ep.poll(0))
os.write(w, b"z")
t("epoll ready", lambda: ep.poll(0) == [(r, select.EPOLLIN)])
t("epoll maxevents", lambda: len(ep.poll(timeout=0, maxevents=1)))
t("maxevents 0", lambda: ep.poll(0, 0))
t("maxevents neg", lambda: ep.poll(maxevents=-3))
t("epoll bad timeout", lambda: ep.poll("x"))
t("epoll huge", lambda: ep.poll(2**70))
t("epoll nan", lambda: ep.poll(float("nan")))
ep.register(fw, select.EPOLLOUT)
t("epoll both", lambda: sorted(ep.poll(1)))
ep.modify(w, select.EPOLLIN)
t("epoll modified", lambda: ep.poll(-1) == [(r, select.EPOLLIN)])
ep.unregister(w)
t("unregister missing", lambda: ep.unregister(w))
t("modify missing", lambda: ep.modify(w, 1))
t("bad fd", lambda: ep.unregister(9999))
t("mask str", lambda: ep.register(w, "x"))
t("mask float", lambda: ep.register(w, 1.0))
t("register kw", lambda: ep.register(fd=w, eventmask=select.EPOLLOUT))
t("mask big wraps", lambda: ep.modify(w, 2**32 + select.EPOLLOUT))
t("after wrap", lambda: sorted(ep.poll(0)))
os.read(r, 1)
ep.close()
t("closed now", lambda: ep.closed)
t("close twice", lambda: ep.close())
t("poll closed", lambda: ep.poll(0))
t("fileno closed", lambda: ep.fileno())
t("register closed", lambda: ep.register(r))
t("sizehint", lambda: select.epoll(-2))
t("sizehint0", lambda: select.epoll(sizehint=0))
t("flags", lambda: select.epoll(flags=5))
t("float sizehint", lambda: select.epoll(1.5))
with select.epoll() as e2:
    t("in with", lambda: e2.closed)
t("after with", lambda: e2.closed)
t("enter closed", lambda: e2.__enter__())
e3 = select.epoll()
e4 = select.epoll.fromfd(os.dup(e3.fileno()))
t("fromfd", lambda: (type(e4).__name__, e4.closed))
e3.close()
e4.close()


t("subclass", lambda: type("MyEpoll", (select.epoll,), {}))
e6 = select.epoll()
e6.register(r, select.EPOLLIN)
th = threading.Thread(target=later, args=(w, b"q", 0.05))
th.start()
t("epoll woken", lambda: e6.poll() == [(r, select.EPOLLIN)])
th.join()
os.read(r, 1)
e6.close()

# constants
names = sorted(n for n in dir(select) if n.isupper())
print(names)
print([getattr(select, n) for n in names])
print(sorted(n for n in dir(select.epoll) if not n.startswith("__")))

# selectors on top
sel = selectors.DefaultSelector()
print(type(sel).__name__)
a, b = os.pipe()
sel.register(a, selectors.EVENT_READ, data="reader")
sel.register(b, selectors.EVENT_WRITE, data="writer")
ev = sel.select(0)
print([(k.data, m) for k, m in ev])
os.write(b, b"!")
ev = sel.select(0)
print(sorted((k.data, m) for k, m in ev))
sel.unregister(b)
print([(k.data, m) for k, m in sel.select(0)])
sel.close()
for s in (selectors.SelectSelector(), selectors.PollSelector(), selectors.EpollSelector()):
    s.register(a, selectors.EVENT_READ, data=1)
    print(type(s).__name__, [(k.fd == a, m) for k, m in s.select(0.5)])
    s.close()
os.close(a)
os.close(b)

# a wait interrupted by a signal goes on (PEP 475), the handler runs
hits = []
old = signal.signal(signal.SIGUSR1, lambda n, f: hits.append(n))


def kill_then_write():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.05)
    os.write(w, b"s")


for name, f in [
    ("select", lambda: select.select([r], [], [], 30)[0] == [r]),
    ("poll", lambda: (lambda p: (p.register(r, select.POLLIN), p.poll(30000))[1])(select.poll()) == [(r, select.POLLIN)]),
    ("epoll", lambda: (lambda e: (e.register(r, select.EPOLLIN), e.poll(30))[1])(select.epoll()) == [(r, select.EPOLLIN)]),
]:
    th = threading.Thread(target=kill_then_write)
    th.start()
    print(name, "after signal", f(), hits == [signal.SIGUSR1])
    th.join()
    os.read(r, 1)
    hits.clear()


def raiser(n, f):
    raise ZeroDivisionError("from handler")


signal.signal(signal.SIGUSR1, raiser)
th = threading.Thread(target=kill_then_write)
th.start()
t("handler raises", lambda: select.select([r], [], [], 30))
th.join()
os.read(r, 1)
signal.signal(signal.SIGUSR1, old)
os.close(r)
os.close(w)
print("done")
