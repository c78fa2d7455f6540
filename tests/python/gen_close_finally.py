# close(): GeneratorExit at the suspension point, finally blocks,
# "generator ignored GeneratorExit", returning during close, closing
# created/finished/running generators.

def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally ran")


log = []
g = with_finally(log)
next(g)
print(g.close(), log, g.gi_frame, g.gi_suspended)
print(g.close(), "second close is fine")

# closing a generator that never started runs nothing
log = []
g = with_finally(log)
g.close()
print("created close:", log, list(g))


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise


g = catches_exit()
next(g)
g.close()


def ignores_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
# it is still suspended; make it finish by throwing something else
try:
    g.throw(KeyError("stop"))
except KeyError:
    pass
print("suspended after:", g.gi_suspended)


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value lost"


g = returns_on_exit()
next(g)
print("return during close:", g.close())


def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")


g = raises_other()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised:", e, type(e.__context__).__name__)


def stop_iteration_in_close():
    try:
        yield 1
    finally:
        pass


g = stop_iteration_in_close()
next(g)
g.close()
print("ok")


# close from inside the generator itself
def self_close():
    yield 1
    me.close()
    yield 2


me = self_close()
next(me)
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


# gi_running is True only while running
def watch():
    print("running inside:", w.gi_running)
    yield


w = watch()
print("before:", w.gi_running)
next(w)
print("after:", w.gi_running)
w.close()


# next on an exhausted generator, send on exhausted generator
def one():
    yield 1


g = one()
print(list(g), list(g))
try:
    g.send(5)
except StopIteration as e:
    print("exhausted send:", e.args)


# generator re-entrancy
def reenter():
    yield next(r)


r = reenter()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)


# try/finally with a return inside the finally during close
def finally_return():
    try:
        yield 1
    finally:
        return 5


g = finally_return()
next(g)
print("close with finally return:", g.close())

# yield inside finally during close
def yield_in_finally():
    try:
        yield 1
    finally:
        yield 2


g = yield_in_finally()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(g)
except GeneratorExit:
    print("the pending GeneratorExit resumes after the finally")
print(g.gi_frame)
