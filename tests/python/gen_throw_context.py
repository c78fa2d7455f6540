def g():
    try:
        raise KeyError("outer")
    except KeyError:
        yield 1
        yield 2

it = g()
next(it)
try:
    it.throw(ValueError("thrown"))
except ValueError as e:
    print(repr(e), repr(e.__context__))

def g2():
    try:
        yield 1
    except ValueError as e:
        print("caught", repr(e), repr(e.__context__))
        yield 2

it = g2(); next(it)
try:
    raise TypeError("handling")
except TypeError:
    print(it.throw(ValueError("x")))

def g3():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            yield 1
        except ValueError as e:
            print("g3 caught", repr(e), repr(e.__context__))
            yield 5
it = g3(); next(it); print(it.throw(ValueError("v")))

# exception class form
def g4():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
it = g4(); next(it)
try:
    it.throw(ValueError)
except ValueError as e:
    print(repr(e), repr(e.__context__))
# context chain in close / send
def g5():
    try:
        raise KeyError("k5")
    except KeyError:
        yield 1
        raise RuntimeError("after")
it = g5(); next(it)
try:
    next(it)
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

# close(): the GeneratorExit gets the handled exception as context
def g6():
    try:
        raise KeyError("k6")
    except KeyError:
        try:
            yield 1
        except GeneratorExit as e:
            print("closing", repr(e.__context__))
            raise
it = g6(); next(it); it.close()

# throwing the very exception being handled: no self-context
def g7():
    try:
        raise KeyError("k7")
    except KeyError as e:
        global handled
        handled = e
        yield 1
it = g7(); next(it)
try:
    it.throw(handled)
except KeyError as e:
    print(e is handled, e.__context__)

# a cycle through the chain is cut
def g8():
    try:
        raise KeyError("k8")
    except KeyError as e:
        yield e
v = ValueError("v8")
it = g8(); k = next(it)
k.__context__ = v
try:
    it.throw(v)
except ValueError as e:
    print(repr(e.__context__), repr(k.__context__))

# yield from: the inner generator's handled exception
def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
def outer():
    try:
        raise IndexError("outer")
    except IndexError:
        yield from inner()
it = outer(); next(it)
try:
    it.throw(ValueError("deleg"))
except ValueError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))

# the thrown exception keeps an explicit cause
def g9():
    try:
        raise KeyError("k9")
    except KeyError:
        yield 1
it = g9(); next(it)
exc = ValueError("c")
exc.__cause__ = TypeError("cause")
try:
    it.throw(exc)
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
