# f-strings: expressions, conversions, format specs, nesting, debugging '='.

x = 42
y = 3.14159265
name = "Ada"
items = [1, 2, 3]
d = {"k": "v", "n": 5}
print(f"{x}", f"{x!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{x:>10}|", f"{x:<10}|", f"{x:^10}|", f"{x:*^10}|", f"{x:010}|", f"{x:+}", f"{-x:+}", f"{x: }")
print(f"{y:.3f}", f"{y:08.2f}", f"{y:10.4f}|", f"{y:<10.1f}|", f"{y:e}", f"{y:.2e}", f"{y:g}", f"{y:%}", f"{y:.1%}")
print(f"{1234567:,}", f"{1234567.891:,.2f}", f"{1234567:_}", f"{0xDEADBEEF:_x}", f"{-1234567:,}")
print(f"{x:x}", f"{x:X}", f"{x:#x}", f"{x:o}", f"{x:#o}", f"{x:b}", f"{x:#b}", f"{x:08b}", f"{255:#06x}", f"{x:c}")
width, prec = 12, 4
print(f"{y:{width}.{prec}f}|", f"{y:>{width}}|", f"{name:{'<' if x > 0 else '>'}{width}}|", f"{x:{'x'}}")
print(f"{x + 1}", f"{x * 2:5d}", f"{items[1]}", f"{items[-1] * 10}", f"{d['k']}", f"{d['n']:03}", f"{len(items)}")
print(f"{'nested ' + name}", f"{name.upper()}", f"{name[::-1]}", f"{[i * i for i in items]}", f"{sum(items):.2f}")
print(f"{x if x > 40 else 0}", f"{(lambda a: a * 2)(x)}", f"{x!r:>6}", f"{name!r:^9}|", f"{str(x):>5}")
print(f"{{}}", f"{{{x}}}", f"{{x}}", f"a{x}b{y:.1f}c{name}d")
print(f"{x=}", f"{y=:.2f}", f"{name=}", f"{x + 1 = }", f"{items[0]=}")
print(f"{None}", f"{True}", f"{False:>6}", f"{3.0}", f"{1e16}", f"{0.1 + 0.2}", f"{-0.0}", f"{10 ** 20}")
print(f'{"double"}', f"{'single'}", f"""{'triple'}""", f"{x}" f"{y:.1f}" "plain", rf"\n{x}", fr"{x}\t")
multi = f"""line1 {x}
line2 {name}
line3 {y:.2f}"""
print(multi)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        s = "%d.%02d" % divmod(self.cents, 100)
        return format("$" + s, spec)
    def __str__(self):
        return "Money(%d)" % self.cents
    def __repr__(self):
        return "<Money %d>" % self.cents
m = Money(12345)
print(f"{m}", f"{m:>12}", f"{m!s}", f"{m!r}", f"{m!s:>14}")
for n in range(-3, 4):
    print(f"{n:+3d} {n:3d} {n: d} {n:=+5} {n / 3:+.3f} {n ** 2:>4} {n:b}")
table = [("a", 1.5), ("bb", 22.25), ("ccc", 333.125)]
for k, v in table:
    print(f"{k:<5}|{v:>10.2f}|{v:<10.1e}|{int(v):^6}|")
print(f"{'abc':.2}", f"{'abc':>5.1}", f"{3:.0%}", f"{0.5:.0%}", f"{1/3:.5}", f"{2/3:.0f}", f"{1e-7:.1f}", f"{123.456:.0e}")
