# list * n: results, errors, an __index__ that grows the list first.
l = [1, 2, 3]
print(l * 3, 3 * l, l * 0, l * -1, [] * 5, [None] * 4, l * True)
try:
    l * (1 << 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    l * 2.0
except TypeError as e:
    print(e)
class N:
    def __index__(self):
        l.append(9)
        return 2
print(l * N())
