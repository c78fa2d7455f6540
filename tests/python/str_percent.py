# printf-style % formatting.

print("%s %s %s" % ("a", 1, 2.5), "%d" % 42, "%i" % -7, "%5d|" % 42, "%-5d|" % 42, "%05d" % 42, "%+d" % 42, "% d" % 42)
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8), "%08.3f" % 3.14159, "%-8.2f|" % 2.5, "%.0f" % 2.5, "%.0f" % 3.5)
print("%e %E %.2e %g %G %.3g" % (12345.678, 0.000123, 1e10, 0.00001, 1e-10, 123456))
print("%r %s %a" % ("x'y", "x'y", "é"), "%c%c" % (65, "z"), "%%", "100%% done" % ())
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30}, "%(x)s%(x)s" % {"x": "ab"})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (None, True), "%d" % True, "%d" % 3.99, "%d" % -3.99)
print("%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159), "%10.4s|" % "abcdefgh", "%-6s|" % "ab", "%.1s" % "xyz")
print("%s" % "only", "%s%%" % 50, "%5.1f%%" % 99.5, "%3s|%-3s|" % ("a", "b"), "%03d:%02d" % (7, 5))
print("%x" % -255, "%o" % -8, "%d items" % 3, "%.3s" % 12345, "%s" % 1e16, "%r" % 0.1)
print("%f" % float("inf"), "%f" % float("nan"), "%.2f" % -0.0, "%e" % 0, "%g" % 100000, "%g" % 1000000, "%#g" % 1.0)
print("%d" % 10 ** 30, "%x" % 2 ** 70, "%d" % -(2 ** 64), "%10.2e|" % 123.456, "%-10.3e|" % -1.0)
for bad in [("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%", ()), ("%c", 1114112), ("%c", "ab")]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
for r in rows:
    print("%-8s %5d %8.2f %6.1f%%" % (r[0], r[1], r[2], r[2] / 1.2))
print("%s|%s" % ("%d", "%s"), ("%s" % "%s") % "nested")
