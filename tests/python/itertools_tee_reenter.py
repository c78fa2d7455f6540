# A tee whose source is being read (re-entrantly, or by another thread)
# raises RuntimeError instead of reading the source a second time.
import itertools
import threading


class Reenter:
    def __iter__(self):
        return self

    def __next__(self):
        return next(b)


a, b = itertools.tee(Reenter())
try:
    next(a)
except RuntimeError as e:
    print(e)

start = threading.Event()
finish = threading.Event()


class Blocking:
    n = 0

    def __iter__(self):
        return self

    def __next__(self):
        start.set()
        finish.wait()
        self.n += 1
        return self.n


c, d = itertools.tee(Blocking())
t = threading.Thread(target=lambda: print("thread got", next(c)))
t.start()
start.wait()
try:
    next(d)
except RuntimeError as e:
    print(e)
finally:
    finish.set()
    t.join()
print(next(d), next(c), next(d))
