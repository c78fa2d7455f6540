# __slots__ members in Python subclasses of native types (deque): stored
# after the attribute store, traced, and deletable.
import collections, itertools, gc
class D(collections.deque):
    __slots__ = ("a", "b")
class C(itertools.count):
    pass
ds = []
for i in range(200):
    d = D([i]); d.a = [i] * 3; d.b = str(i)
    ds.append(d)
gc.collect()
print(sum(d.a[0] for d in ds), ds[5].b, list(ds[7]), hasattr(ds[0], "__dict__"))
try:
    ds[0].c = 1
except AttributeError as e:
    print("AttributeError", e)
del ds[3].a
try:
    ds[3].a
except AttributeError as e:
    print("AttributeError", e)
