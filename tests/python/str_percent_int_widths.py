# %-formatting of ints of every size through each integer conversion and flag.
for v in (0, 5, -5, 255, -255, 2**47, -2**63, 2**63, 2**100, -(2**100), True, 3.9, -3.9):
    print("%d|%i|%u|%x|%X|%o|%#x|%#o|%5d|%-6d|%+d|%05d|%.3d|% d" % ((v,) * 14) if not isinstance(v, float) else "%d %i %u" % (v, v, v))
