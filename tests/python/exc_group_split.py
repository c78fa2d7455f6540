# ExceptionGroup.split / subgroup / derive: matching by type, tuple of
# types and predicate; nested groups; identity on a full match; metadata
# (__traceback__, __cause__, __context__, __notes__) copied to the parts.


def leaves(e, depth=0):
    if e is None:
        return "None"
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [" + ", ".join(leaves(x) for x in e.exceptions) + "])"
    return repr(e)


eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("mid", [ValueError(3), KeyError(4), ExceptionGroup("low", [TypeError(5)])]),
    OSError(6),
])

for cond in [ValueError, TypeError, (ValueError, KeyError), LookupError, Exception,
             ExceptionGroup, ZeroDivisionError, OSError]:
    m, r = eg.split(cond)
    name = cond.__name__ if isinstance(cond, type) else tuple(c.__name__ for c in cond)
    print(name, "->", leaves(m), "|", leaves(r))
    print("   subgroup:", leaves(eg.subgroup(cond)))

m, r = eg.split(Exception)
print("full match is self:", m is eg, r)
m, r = eg.split(ExceptionGroup)
print("group class matches the whole:", m is eg)
print("subgroup identity:", eg.subgroup(BaseException) is eg)

# predicates see every node, groups included
seen = []


def pred(e):
    seen.append(type(e).__name__)
    return isinstance(e, ValueError) and e.args[0] > 1


m, r = eg.split(pred)
print("pred ->", leaves(m), "|", leaves(r))
print("pred saw:", seen)
print("pred on group:", leaves(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "low")))

# bad conditions
for cond in [1, "ValueError", (ValueError, 1), [ValueError], len, object, str.upper]:
    try:
        eg.split(cond)
    except TypeError as e:
        print(repr(cond)[:30], "TypeError:", e)
try:
    eg.split()
except TypeError as e:
    print("TypeError:", e)

# metadata of the parts
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("meta", [ValueError("a"), TypeError("b")]) from OSError("cause")
except ExceptionGroup as caught:
    g = caught
g.add_note("note 1")
m, r = g.split(ValueError)
for part in (m, r):
    print(leaves(part), "tb same:", part.__traceback__ is g.__traceback__,
          "cause:", repr(part.__cause__), "context:", repr(part.__context__),
          "suppress:", part.__suppress_context__, "notes:", part.__notes__,
          "notes copied:", part.__notes__ is not g.__notes__)
plain = ExceptionGroup("plain", [ValueError(), TypeError()])
m, r = plain.split(ValueError)
print("no metadata:", m.__traceback__, m.__cause__, m.__context__, hasattr(m, "__notes__"),
      m.__suppress_context__)

# derive() builds a plain group with the same message
d = g.derive([IndexError(9)])
print(type(d).__name__, repr(d), d.__cause__, d.__traceback__)
d = g.derive([KeyboardInterrupt()])
print(type(d).__name__, repr(d))
try:
    g.derive([])
except ValueError as e:
    print("ValueError:", e)


# a derive() that returns something else
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    BadDerive("bd", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)


# __notes__ that is not a sequence is not copied
g = ExceptionGroup("n", [ValueError(), TypeError()])
g.__notes__ = 5
m, r = g.split(ValueError)
print("odd notes:", hasattr(m, "__notes__"))
g.__notes__ = ("a", "b")
m, r = g.split(ValueError)
print("tuple notes copied as list:", m.__notes__)

# deep nesting
deep = ValueError("leaf")
for i in range(50):
    deep = ExceptionGroup(f"g{i}", [deep, TypeError(i)])
m, r = deep.split(ValueError)
n = 0
while isinstance(m, ExceptionGroup):
    assert len(m.exceptions) == 1
    m = m.exceptions[0]
    n += 1
print("deep match depth:", n, repr(m))
