# yield from: return values through several levels, send/throw/close
# delegated down the chain, gi_yieldfrom, and non-generator iterators.

def leaf(name, n):
    total = 0
    for i in range(n):
        got = yield f"{name}{i}"
        if got is not None:
            total += got
    return (name, total)


def middle(depth):
    if depth == 0:
        r = yield from leaf("L", 3)
        return ["leaf said", r]
    r = yield from middle(depth - 1)
    return [depth, r]


g = middle(4)
print(next(g))
print(g.send(10))
print(g.send(20))
try:
    g.send(30)
except StopIteration as e:
    print("final:", e.value)

# gi_yieldfrom chain
g = middle(2)
next(g)
chain = []
cur = g
while cur is not None:
    chain.append(cur.gi_code.co_name)
    cur = cur.gi_yieldfrom
print("chain:", chain)
g.close()
print("closed chain:", g.gi_yieldfrom, g.gi_frame)


# throw is delivered to the innermost generator
def inner_catch():
    while True:
        try:
            yield "inner"
        except KeyError as e:
            print("inner caught", e)
            return "inner done"


def outer_catch():
    try:
        r = yield from inner_catch()
        print("outer got", r)
        yield "after"
    except ValueError as e:
        print("outer caught", e)
        yield "outer handled"


g = outer_catch()
print(next(g))
print(g.throw(KeyError("k1")))
g.close()
g = outer_catch()
next(g)
print(g.throw(ValueError("v1")))
g.close()


# close() closes every level, innermost first
def closing(name, log):
    try:
        yield name
    finally:
        log.append(name)


def nest(log):
    yield from closing("a", log)


def nest2(log):
    try:
        yield from nest(log)
    finally:
        log.append("outer")


log = []
g = nest2(log)
next(g)
g.close()
print("close order:", log)


# yield from a plain iterator, a list, a string, a range
def plain():
    r = yield from [1, 2]
    print("list returns", r)
    r = yield from "ab"
    r2 = yield from range(2)
    yield from iter((9,))
    return r, r2


print(list(plain()))


# yield from an object with send/throw/close methods
class Echo:
    def __init__(self):
        self.n = 0
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("echo end")
        return self.n

    def send(self, v):
        self.log.append(("send", v))
        return self.__next__()

    def throw(self, *args):
        self.log.append(("throw", [type(a).__name__ for a in args]))
        if isinstance(args[0], type) and issubclass(args[0], KeyError):
            raise StopIteration("stopped by throw")
        raise args[0]

    def close(self):
        self.log.append("close")


def use_echo(e):
    r = yield from e
    yield ("returned", r)


e = Echo()
g = use_echo(e)
print(next(g), g.send("x"), g.send(None))
print(g.send(1))
print(e.log)

e = Echo()
g = use_echo(e)
next(g)
print(g.throw(KeyError))
print(e.log)

e = Echo()
g = use_echo(e)
next(g)
try:
    g.throw(IndexError("idx"))
except IndexError as ex:
    print("propagated", ex)
print(e.log)

e = Echo()
g = use_echo(e)
next(g)
g.close()
print(e.log)


# an iterator without send: send(non-None) fails with AttributeError
def use_iter():
    yield from iter([1, 2, 3])


g = use_iter()
next(g)
try:
    g.send(5)
except AttributeError as ex:
    print("AttributeError:", ex)


# StopIteration subclass values and tuple return values
def ret_tuple():
    yield 1
    return (1, 2)


def catch_tuple():
    r = yield from ret_tuple()
    return r


g = catch_tuple()
next(g)
try:
    next(g)
except StopIteration as ex:
    print("tuple value:", ex.value, ex.args)


def ret_none():
    yield 1


g = ret_none()
next(g)
try:
    next(g)
except StopIteration as ex:
    print("none value:", ex.value, ex.args)

# yield from inside a generator expression's consumer
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x


print(list(flatten([1, [2, [3, [4, [5]]]], 6])))
