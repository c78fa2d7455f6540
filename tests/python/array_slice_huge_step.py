# Extended slices of arrays with a step near sys.maxsize.
import array
import sys

for step in (sys.maxsize, -sys.maxsize, sys.maxsize - 1):
    a = array.array("b", range(10))
    print(a[::step], a[1::step], a[::-step if step > 0 else 1])
    del a[::step]
    print(a)
    a = array.array("i", range(10))
    a[::step] = array.array("i", [99])
    print(a)
