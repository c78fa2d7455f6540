# generator.throw() in every argument form, send() rules, and the errors
# CPython gives for bad arguments.
import sys

def catcher(log):
    while True:
        try:
            x = yield "ready"
            log.append(("sent", x))
        except Exception as e:
            log.append(("caught", type(e).__name__, e.args))


def run(label, *args):
    log = []
    g = catcher(log)
    next(g)
    try:
        r = g.throw(*args)
        print(label, "->", r, log)
    except BaseException as e:
        print(label, "raised", type(e).__name__, str(e), log)
    g.close()


run("class", ValueError)
run("instance", ValueError("boom"))
run("class+value", ValueError, "text")
run("class+tuple", ValueError, (1, 2, 3))
run("class+None", ValueError, None)
run("class+instance", ValueError, ValueError("same"))
run("class+subinstance", LookupError, KeyError("sub"))
run("class+unrelated instance", KeyError, ValueError("other"))
run("instance+value", ValueError("x"), 5)
run("instance+None", ValueError("x"), None)
run("not exception", 42)
run("not exception class", int)
run("bad tb", ValueError, None, 5)
run("tb None", ValueError, None, None)
run("generator exit class", GeneratorExit)


class Odd(Exception):
    def __init__(self, *args):
        print("  Odd.__init__", args)
        super().__init__(*args)


run("init args tuple", Odd, ("a", "b"))
run("init args single", Odd, "a")

# throw with a traceback object: it is kept below the generator's frame
def make_tb():
    try:
        raise KeyError("orig")
    except KeyError as e:
        return e.__traceback__


def g2():
    try:
        yield 1
    except KeyError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        yield lines


g = g2()
next(g)
print("tb chain", g.throw(KeyError, KeyError("k"), make_tb()))
g.close()

# argument count errors
g = catcher([])
next(g)
for args in [(), (1, 2, 3, 4)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("count:", e)
try:
    g.send()
except TypeError as e:
    print("send:", e)
try:
    g.send(1, 2)
except TypeError as e:
    print("send:", e)
g.close()

# send() to a just-started generator
g = catcher([])
try:
    g.send(5)
except TypeError as e:
    print("just-started:", e)
print("first send None:", g.send(None))
print("second send:", g.send("v"))
g.close()

# throw into a generator that never started: it finishes
def fresh():
    print("never printed")
    yield 1

g = fresh()
try:
    g.throw(RuntimeError("early"))
except RuntimeError as e:
    print("fresh throw:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
print("after fresh throw:", g.gi_frame, list(g))

# throw into a finished generator re-raises as is
g = fresh()
try:
    list(g)
except Exception:
    pass
try:
    g.throw(IndexError("done"))
except IndexError as e:
    print("finished throw:", e)

# a throw the generator handles by returning
def ret_on_error():
    try:
        yield 1
    except ValueError:
        return "handled"

g = ret_on_error()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("returned:", e.value)
