# list()/tuple()/extend/sorted of a list or tuple subclass with its own
# __iter__ use that __iter__; keyword arguments to list.__init__ are
# refused unless the subclass's own __new__ takes them.
class LyingTuple(tuple):
    def __iter__(self):
        yield 1


class LyingList(list):
    def __iter__(self):
        yield 1


class PlainList(list):
    pass


for src in (LyingTuple((2, 3)), LyingList([2, 3]), PlainList([2, 3])):
    out = []
    out.extend(src)
    print(type(src).__name__, list(src), tuple(src), sorted(src), out, [*src], set(src))


class WithNew(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self


u = WithNew([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)


class WithInit(list):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
        self.newarg = newarg


print(list(WithInit([4], newarg=5)), WithInit([4], newarg=5).newarg)
for call in (lambda: list([1], x=1), lambda: PlainList([1], x=1), lambda: list.__init__([], [1], x=2)):
    try:
        call()
    except TypeError as e:
        print(e)


class TupleWithInit(tuple):
    def __init__(self, seq, newarg=None):
        self.newarg = newarg


t = TupleWithInit([1, 2], newarg=3)
print(t, t.newarg, tuple.__new__(TupleWithInit, [5], newarg=3))
for call in (lambda: TupleWithInit([1], [2], newarg=3), lambda: tuple([1], newarg=3)):
    try:
        call()
    except TypeError as e:
        print(e)


class PlainTuple(tuple):
    pass


print(PlainTuple([1, 2]))
try:
    PlainTuple(sequence=())
except TypeError as e:
    print(e)
