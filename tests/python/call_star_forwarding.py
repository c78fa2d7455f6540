# f(*args, **kwargs) forwarding: tuples, lists, generators, empty and
# non-empty kwargs, builtins and Python callees, errors with the callee's
# name, and a collection inside the callee while the argument tuple is
# only referenced by the call.
import gc


def f(a, b=2, *rest, **kw):
    gc.collect()
    return (a, b, rest, sorted(kw.items()))


def fwd(*args, **kwargs):
    return f(*args, **kwargs)


print(fwd(1), fwd(1, 2, 3, 4), fwd(1, x=5), fwd(*[1, 2], **{"y": 3}))
print(f(*(i * 10 for i in range(4))), f(*(1,), **{}))
print(max(*(3, 9, 4)), sorted(*([3, 1, 2],), **{"reverse": True}))
print(list(map(lambda *a: sum(a), *([1, 2], [10, 20]))))


class C:
    def m(self, *a, **k):
        return len(a), sorted(k)


print(C().m(*(1, 2, 3)), C().m(*[], **{"z": 1}))
for bad in (lambda: f(*5), lambda: f(**[1]), lambda: f(1, **{"a": 2}), lambda: f(*(1,), **{1: 2}),
            lambda: len(*(1, 2))):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def make():
    return tuple([object() for _ in range(3)])


def check(*objs):
    gc.collect()
    junk = [[i] * 10 for i in range(10000)]
    return all(type(o) is object for o in objs), len(junk)


for _ in range(3):
    print(check(*make()))
