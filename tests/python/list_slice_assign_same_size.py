# Slice assignments of the same size as the slice (done in place) and of
# other sizes, extended slices, self-assignment, errors.
a = list(range(10))
a[2:5] = ['x', 'y', 'z']; print(a)
a[::2] = range(5); print(a)
a[::-3] = 'ABCD'; print(a)
a[5:2] = []; print(a)
a[5:2] = [1]; print(a)
a[-100:2] = [7, 8]; print(a)
a[8:100] = (9, 9); print(a)
a[:] = a; print(a)
a[1:3] = a[3:1:-1]; print(a)
try: a[::2] = [1]
except ValueError as e: print(e)
try: a[::0] = [1]
except ValueError as e: print(e)
b = []; b[:] = []; b[0:0] = [1]; print(b)
class L(list): pass
c = L([1,2,3]); c[0:2] = [5, 6]; print(c, type(c).__name__)
p = list(range(10))
for h in (3, 7, 9, 1):
    p[:h + 1] = p[h::-1]
print(p)
