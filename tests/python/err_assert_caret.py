# gc-stress: 20
# A failing assert's traceback underlines the condition (CPython 3.11
# gives the raise the test's location), with and without a message.
import traceback

def msg(x):
    return "m" + str(x)

def plain(v):
    assert v > 10

def with_msg(v):
    assert v > 10, msg(v)

def multi_line(v):
    assert (v >
            10), "msg"

for fn in (plain, with_msg, multi_line):
    try:
        fn(1)
    except AssertionError:
        print(traceback.format_exc().replace(__file__, "FILE"))

# The location is the last comparison the condition's jumps compile
# (through and/or/not/if-else), else the whole statement.
v = 1
items = [1, -1]
def a(): assert 5 < v < 10, "c"
def b(): assert v > 10 or v < 0
def c(): assert not v < 3
def d(): assert (v if v else 0) > 5
def e(): assert v > 0 and v < 0 and v
def f(): assert v > 0 and not v
def g(): assert all(i > 0 for i in items), "c"
def h(): assert not v
def i(): assert v > 10, f"a{v}b"
def j(): assert v == 2 and v == 3
for fn in (a, b, c, d, e, f, g, h, i, j):
    try:
        fn()
    except AssertionError:
        print(traceback.format_exc().splitlines()[-3:-1])

def check(items):
    assert all(i > 0 for i in items), f"bad items: {items}"

check([1, -2])
