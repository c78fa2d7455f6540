# The signal module: Python handlers run in the main thread after the
# signal arrives (raise_signal, os.kill, setitimer/alarm during a sleep),
# SIGINT's default handler raising KeyboardInterrupt, handler
# bookkeeping (signal/getsignal), masks, valid_signals, strsignal,
# set_wakeup_fd, and the argument errors of each.
import os
import signal
import time

seen = []


def handler(signum, frame):
    seen.append((signum, frame is not None))


def t(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", r)


print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(int(signal.getsignal(signal.SIGUSR1)), int(signal.getsignal(signal.SIGPIPE)))
old = signal.signal(signal.SIGUSR1, handler)
print(int(old), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", seen)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(3):
    pass
print("after kill", seen)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print("ignored", len(seen), int(signal.getsignal(signal.SIGUSR1)))
print(int(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))

# SIGINT -> KeyboardInterrupt, by default and through default_int_handler.
try:
    signal.raise_signal(signal.SIGINT)
    print("not interrupted")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
t("default_int_handler", lambda: signal.default_int_handler(2, None))
t("default_int_handler no args", lambda: signal.default_int_handler())


# A handler that raises interrupts a sleep; one that returns lets it end.
class Alarm(Exception):
    pass


def raiser(signum, frame):
    raise Alarm("rang %d" % signum)


signal.signal(signal.SIGALRM, raiser)
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
try:
    time.sleep(5)
    print("slept through")
except Alarm as e:
    print("Alarm", e, time.monotonic() - start < 4)
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02)
time.sleep(0.2)
print("ticks", ticks)
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# Masks and pending signals.
signal.signal(signal.SIGUSR2, handler)
seen.clear()
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
print(signal.SIGUSR2 in old)
os.kill(os.getpid(), signal.SIGUSR2)
print("blocked", seen, signal.SIGUSR2 in signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print("unblocked", seen)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# set_wakeup_fd: the signal number is written to the descriptor.
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.signal(signal.SIGUSR1, handler)
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10) == bytes([signal.SIGUSR1]))
print(signal.set_wakeup_fd(-1) == w)
os.close(r)
os.close(w)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

vs = signal.valid_signals()
print(len(vs), signal.SIGINT in vs, signal.SIGRTMAX in vs, 0 in vs)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
print(int(signal.Signals.SIGINT), repr(signal.Signals(15)), signal.SIGINT.name)
print(repr(signal.Handlers.SIG_IGN), signal.NSIG, int(signal.SIG_BLOCK), signal.ITIMER_REAL)

t("signal bad handler", lambda: signal.signal(signal.SIGUSR1, 5))
t("signal bad handler str", lambda: signal.signal(signal.SIGUSR1, "x"))
t("signal out of range", lambda: signal.signal(0, handler))
t("signal too big", lambda: signal.signal(100, handler))
t("signal SIGKILL", lambda: signal.signal(signal.SIGKILL, handler))
t("getsignal range", lambda: signal.getsignal(-1))
t("strsignal range", lambda: signal.strsignal(65))
t("raise_signal zero", lambda: signal.raise_signal(0))
t("raise_signal range", lambda: signal.raise_signal(100))
t("sigmask range", lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [100]))
t("sigmask how", lambda: signal.pthread_sigmask(7, []))
t("wakeup blocking", lambda: signal.set_wakeup_fd(1))
t("wakeup bad fd", lambda: signal.set_wakeup_fd(99))
t("setitimer which", lambda: signal.setitimer(9, 1))
t("signal kw", lambda: signal.signal(signalnum=2, handler=handler))
print(issubclass(signal.ItimerError, OSError))
