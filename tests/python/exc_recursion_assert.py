# RecursionError (caught, then normal execution continues), StopIteration
# inside generators (PEP 479), assert statements.
import sys

def forever():
    return forever()
try:
    forever()
except RecursionError as e:
    print(type(e).__name__)

def forever_with_work(n):
    return forever_with_work(n + 1) + 1
for i in range(3):
    try:
        forever_with_work(0)
    except RecursionError as e:
        print("round", i, type(e).__name__, isinstance(e, RuntimeError))

class Loop:
    def __getattr__(self, name):
        return self.__getattr__(name)
try:
    Loop().anything
except RecursionError as e:
    print("getattr loop:", type(e).__name__)

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion: RecursionError")

def depth_reached():
    count = 0
    def go():
        nonlocal count
        count += 1
        go()
    try:
        go()
    except RecursionError:
        pass
    return count
d = depth_reached()
print("depth is close to the limit:", d <= sys.getrecursionlimit(), d > sys.getrecursionlimit() - 50)

def still_works(n):
    return 0 if n == 0 else 1 + still_works(n - 1)
print(still_works(500))

it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)

def gen_returns():
    yield 1
    return "the value"
g = gen_returns()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def leaky():
    yield 1
    raise StopIteration("escapes")
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def next_in_gen(source):
    for x in source:
        yield next(iter([])) if x == 2 else x
try:
    print(list(next_in_gen([1, 2, 3])))
except RuntimeError as e:
    print("RuntimeError:", e)

class Manual:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Manual()), [x for x in Manual()], sum(Manual()))

for cond, msg in [(True, "fine"), (1 > 2, "math broke"), ([], None), ("x", "ok")]:
    try:
        if msg is None:
            assert cond
        else:
            assert cond, msg
        print("assert passed:", cond)
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args)
try:
    assert 2 + 2 == 5, ("tuple", "message")
except AssertionError as e:
    print(e.args, str(e))
def check_positive(x):
    assert x > 0, "x must be positive, got %r" % x
    return x
for v in (3, -1):
    try:
        print(check_positive(v))
    except AssertionError as e:
        print("AssertionError:", e)
calls = []
def side():
    calls.append(1)
    return "msg"
assert True, side()
print("message not evaluated when assert passes:", calls)
