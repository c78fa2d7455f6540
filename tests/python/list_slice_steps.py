# Extended list slices (any step) read straight from the list's array;
# an __index__ that shortens the list while the slice is computed.
l = list(range(20))
for s in [slice(None, None, 2), slice(None, None, -1), slice(None, None, -3), slice(5, 1, -1), slice(1, 5, -1), slice(-100, 100, 3), slice(100, -100, -4), slice(3, 3, 2), slice(None, None, 25), slice(None, None, -25), slice(-1, -30, -7)]:
    print(s, l[s])
class I:
    def __index__(self):
        del l[10:]
        return 2
print(l[::I()], l)
print([][::2], [1][::-1])
