# str.format and format(): positional/keyword fields, indexing, attributes,
# conversions, and the format-spec mini-language.

print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("ab", "-"), "{x}/{y}".format(x=1, y=2))
print("{0[1]} {0[0]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 5))
print("{!r} {!s} {!a}".format("hé", "hé", "hé"), "{0!r:>8}|".format("x"))
print("{{literal}} {{{0}}}".format(7), "{:}".format(5), "{}".format(None), "{}".format([1, "a"]))
for spec in ["", "10", "<10", ">10", "^10", "*^10", "0>5", "+", "-", " ", ",", "_", ".2f", "10.3f", "e", ".3e", "E", "g", ".3g", "%", ".1%", "08.2f", "+.1f", "=+10", "010"]:
    print(repr(spec), "[" + format(1234.5678, spec) + "]", "[" + format(-0.000123, spec) + "]")
for spec in ["", "d", "5d", "<5", "^5", "x", "X", "#x", "o", "#o", "b", "#b", "08b", "#010x", ",", "_", "_x", "+d", " d", "c", "e", ".2f", "%", "=8", "+08"]:
    print(repr(spec), "[" + format(42, spec) + "]", "[" + format(-255, spec) + "]" if spec != "c" else "")
print(format(10 ** 20, ","), format(-(10 ** 20), "_"), format(1234567, ",d"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format("abc", "5"), format("abc", ">5"), format("abc", "^7"), format("abcdef", ".3"), format("abcdef", "^9.2"), format("x", "*<4"))
print(format(True, ""), format(True, "d"), format(None, ""), format([1, 2], ""), format(3.0, ""), format(1e20, ""), format(1e-7, ""))
print(format(float("inf"), "f"), format(float("-inf"), "10.2f"), format(float("nan"), "F"), format(float("inf"), "e"))
print(format(123456789.0, "g"), format(1234567.0, "g"), format(0.0001, "g"), format(0.00001, "g"), format(100000.0, ".2g"), format(0.0, "g"), format(-0.0, "g"))
print(format(3.14159, "#.0f"), format(3.0, "#g"), format(1e100, ".2e"), format(12345.6789, "012,.1f"))
w, p = 12, 3
print("{:{w}.{p}f}|".format(3.14159, w=w, p=p), "{:{}{}}".format("x", ">", 5), "{0:{1}}|".format(7, 4))
print("{:>{width}}".format("right", width=10) + "|", "{:^{}}".format("mid", 9) + "|")
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        if spec == "polar":
            return "P<polar>"
        return "P(" + format(self.x, spec) + ", " + format(self.y, spec) + ")"
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
pt = Point(1.5, -2)
print("{}".format(pt), "{:.2f}".format(pt), "{:polar}".format(pt), "{!r}".format(pt), "{!s:>12}".format(pt), "{0.x} {0.y}".format(pt))
for bad in ["{", "}", "{0", "{:d}", "{1}", "{x}", "{:x}"]:
    try:
        print(bad.format("s") if bad != "{:x}" else bad.format(1.5))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, ".2s")
except ValueError as e:
    print("ValueError:", e)
print("{0}{1}{0}".format(*"ab"), "{a}-{b}".format(**{"a": 1, "b": 2}), "{}:{}".format(*range(2)))
print("{:,}".format(1234567.891), "{:_.2f}".format(1234567.891), "{:.3}".format(1234.5), "{:.10}".format(1 / 3))
print("{:5}|{:<5}|{:>5}|{:^5}|".format(1, 2, 3, 4), "{:5}|{:>5}|".format("a", "b"))
