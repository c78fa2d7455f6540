# gc-stress: 5
# __slots__ members in subclasses of natively implemented types (deque),
# which test_deque defines at import time.
import collections
import gc


class D(collections.deque):
    __slots__ = ("x", "y", "__dict__")


class E(D):
    __slots__ = ("w",)


d = D([1, 2], maxlen=5)
d.x = [5]
d.z = 3
e = E("ab")
e.w = "w"
e.x = "ex"
gc.collect()
print(d, d.x, d.z, d.__dict__, e, e.w, e.x)
for obj, name in ((d, "y"), (e, "y")):
    try:
        getattr(obj, name)
    except AttributeError as err:
        print(err)
del d.x
try:
    d.x
except AttributeError as err:
    print(err)
junk = [D(range(i)) for i in range(200)]
for i, j in enumerate(junk):
    j.x = i
gc.collect()
print(sum(j.x for j in junk), sum(len(j) for j in junk))
