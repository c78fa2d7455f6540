# Iterating a dict while deleting one key and adding another keeps the
# size but changes the keys: CPython's iterator notices (it counts the
# items left) and raises "dictionary keys changed during iteration"; the
# iterator is exhausted afterwards. Also for the views and dict subclasses.
from collections import defaultdict, Counter

for make in [dict, lambda d: defaultdict(int, d), Counter]:
    for view in ["keys", "values", "items", None]:
        d = make({1: 1, 2: 2})
        it = d if view is None else getattr(d, view)()
        n = 0
        try:
            for x in it:
                n += 1
                if n > 5:
                    break
                k = next(iter(d))
                del d[k]
                d[k + 10] = 0
        except RuntimeError as e:
            print(type(d).__name__, view, e, n)
        else:
            print(type(d).__name__, view, "no error", n)

d = {1: 1}
it = iter(d)
del d[1]
d[2] = 2
try:
    next(it)
except RuntimeError as e:
    print(e)
try:
    print(next(it))
except StopIteration:
    print("exhausted after the error")

# Replacing values, or popping and re-adding from a copy of the keys, is fine.
d = {i: i for i in range(5)}
for k in d:
    d[k] = -k
print(d)
for k in list(d):
    d.pop(k)
    d[k] = 0
print(d)
# A size change is still reported as such.
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 0
except RuntimeError as e:
    print(e)
