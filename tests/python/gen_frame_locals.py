# gi_frame / cr_frame / ag_frame of suspended generators, coroutines and
# async generators: f_locals, f_lineno, f_code, f_back; None once done;
# the frame seen from inside while running.
import sys


def counter(start):
    total = start
    yield total
    step = 10
    total += step
    yield total


g = counter(5)
print("created:", g.gi_frame.f_lineno - g.gi_code.co_firstlineno, g.gi_frame.f_locals)
next(g)
fr = g.gi_frame
print("first yield:", fr.f_lineno - g.gi_code.co_firstlineno, fr.f_locals, fr.f_back,
      fr.f_code is g.gi_code, fr.f_globals is globals())
next(g)
print("second yield:", g.gi_frame.f_lineno - g.gi_code.co_firstlineno, g.gi_frame.f_locals)
print(list(g), g.gi_frame)


def introspect():
    me = sys._getframe()
    yield me.f_code.co_name, me.f_back.f_code.co_name
    yield sorted(sys._getframe().f_locals)


def driver():
    it = introspect()
    return next(it), next(it)


print(driver())


class Waiter:
    def __await__(self):
        return (yield "waiting")


async def coro(x):
    y = x + 1
    z = await Waiter()
    return y, z


c = coro(1)
print("coroutine created:", c.cr_frame.f_locals)
print(c.send(None))
print("coroutine suspended:", sorted(c.cr_frame.f_locals), c.cr_frame.f_locals["y"],
      type(c.cr_await).__name__)
try:
    c.send("sent")
except StopIteration as e:
    print("result:", e.value, c.cr_frame)


async def agen(n):
    acc = []
    for i in range(n):
        acc.append(i)
        yield i


a = agen(3)
print("agen created:", a.ag_frame.f_locals)
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("agen value:", e.value)
print("agen suspended:", sorted(a.ag_frame.f_locals.items()))
try:
    a.aclose().send(None)
except StopIteration:
    print("closed:", a.ag_frame)
