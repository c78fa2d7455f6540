# sys.set_asyncgen_hooks / get_asyncgen_hooks: the firstiter hook sees
# each async generator on its first __anext__/asend/athrow/aclose (and
# on `async for`); argument checking; hooks are kept per call site.
import sys

print(sys.get_asyncgen_hooks())
seen = []


def first(agen):
    seen.append(agen.__name__)


def finalizer(agen):
    seen.append(("finalize", agen.__name__))


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=first, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is first, h.finalizer is finalizer, h[0] is first, len(h), type(h).__name__)
print(repr(h).startswith("asyncgen_hooks(firstiter=<function first"))


async def one():
    yield 1


async def two():
    yield 2


def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "end"


a = one()
print("created, not started:", seen)
print(step(a.__anext__()), seen)
print(step(a.__anext__()), seen)
b = two()
print(step(b.asend(None)), seen)
c = one()
print(step(c.aclose()), seen)
d = two()
print(step(d.athrow(ValueError)) if False else "athrow:", end=" ")
try:
    d.athrow(ValueError).send(None)
except ValueError:
    print(seen)


async def consumer():
    out = []
    async for x in one():
        out.append(x)
    return out


print(step(consumer()), seen)

# only the given hook changes; None removes one
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks())


# a failing firstiter hook makes the first __anext__ fail, once
def bad_first(agen):
    raise KeyError("hook failed")


sys.set_asyncgen_hooks(firstiter=bad_first)
e = one()
try:
    e.__anext__()
except KeyError as err:
    print("KeyError:", err)
print("second call:", step(e.__anext__()))

for args, kw in [((1,), {}), ((), {"finalizer": 2}), ((None, 3), {}), ((first, first, first), {}),
                 ((), {"other": first})]:
    try:
        sys.set_asyncgen_hooks(*args, **kw)
        print("accepted", args, kw)
    except TypeError as err:
        print("TypeError:", err)
print(sys.get_asyncgen_hooks().firstiter is bad_first)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
try:
    sys.get_asyncgen_hooks(1)
except TypeError as err:
    print("TypeError:", err)
