# Iterator state: __reduce__ and __setstate__ of list, tuple, reversed, range
# and long range iterators (clamping), __reduce__ of dict and set iterators
# (the remaining items, not consumed), __length_hint__ as items are taken.
it = iter([1,2,3]); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = reversed([1,2,3]); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter((1,2)); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter(range(1,10,2)); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter(range(2**70, 2**70+5)); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter([1,2,3]); it.__setstate__(2); print(list(it)); it = iter([1,2,3]); it.__setstate__(-5); print(list(it)); it = iter([1,2,3]); it.__setstate__(10); print(list(it))
it = reversed([1,2,3]); it.__setstate__(0); print(list(it)); it = reversed([1,2,3]); it.__setstate__(10); print(list(it)); it = reversed([1,2,3]); it.__setstate__(-3); print(list(it))
it = iter(range(10)); it.__setstate__(7); print(list(it)); it = iter(range(10)); it.__setstate__(70); print(list(it))
it = iter(range(2**70, 2**70+5)); it.__setstate__(3); print(list(it))
try: iter([1]).__setstate__('x')
except Exception as e: print(type(e).__name__, e)
it = iter([1]); list(it); it.__setstate__(0); print(list(it))
print(iter({}).__reduce__(), iter({1:2}).__reduce__(), iter(set()).__reduce__())
d = {1: 'a', 2: 'b', 3: 'c'}
it = iter(d.items()); next(it); print(it.__reduce__(), list(it))
it = reversed(d.values()); next(it); print(it.__reduce__(), list(it))
it = iter({5, 6, 7}); next(it); print(it.__reduce__())
class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
it = reversed(S()); next(it); print(it.__reduce__()[2], list(it), it.__reduce__()[1:])
it = iter(range(5, 0, -2)); print(it.__reduce__(), list(it), it.__reduce__())
it = reversed(range(4)); next(it); print(it.__reduce__())
for make in [lambda: iter([1, 2, 3]), lambda: iter((1, 2, 3)), lambda: reversed([1, 2, 3]), lambda: iter(range(3)),
             lambda: iter(range(2**70, 2**70 + 3)), lambda: iter({1: 1, 2: 2, 3: 3}), lambda: iter({1, 2, 3}),
             lambda: reversed({1: 1, 2: 2, 3: 3}), lambda: reversed(range(3)), lambda: iter({1: 1, 2: 2}.items())]:
    it = make()
    hints = [it.__length_hint__()]
    for x in it:
        hints.append(it.__length_hint__())
    print(type(it).__name__, hints)
