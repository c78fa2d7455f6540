# sort/sorted call the key function for every item, also when there is
# only one item (a bad key raises); an empty list calls nothing.
calls = []


def key(x):
    calls.append(x)
    return -x


print(sorted([5], key=key), calls)
calls.clear()
l = [7]
l.sort(key=key)
print(l, calls)
calls.clear()
print(sorted([], key=key), calls)
print(sorted([3, 1, 2], key=key), calls)
for bad in (1, "x", None):
    for fn in (lambda: sorted([1], key=bad), lambda: [1].sort(key=bad)):
        try:
            print(fn())
        except TypeError as e:
            print("TypeError", e)
try:
    sorted([1], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(sorted([1], key=1) if False else "empty sort with bad key:", sorted([], key=1))
