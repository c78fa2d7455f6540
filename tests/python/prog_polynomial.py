# A Polynomial class with operator overloading: +, -, *, **, divmod,
# evaluation (Horner), derivative, composition, pretty printing, equality,
# root finding by bisection and Newton's method.

class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]
    @classmethod
    def x(cls):
        return cls([0, 1])
    def degree(self):
        return -1 if self.c == [0] else len(self.c) - 1
    def __call__(self, x):
        result = 0
        for coef in reversed(self.c):
            result = result * x + coef
        return result
    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    __radd__ = __add__
    def __neg__(self):
        return Poly([-a for a in self.c])
    def __sub__(self, o):
        return self + (-o if isinstance(o, Poly) else Poly([-o]))
    def __rsub__(self, o):
        return -self + o
    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(out)
    __rmul__ = __mul__
    def __pow__(self, n):
        result = Poly([1])
        for _ in range(n):
            result = result * self
        return result
    def __divmod__(self, o):
        num = self.c[:]
        out = [0] * max(1, len(num) - len(o.c) + 1)
        while len(num) >= len(o.c) and num != [0]:
            shift = len(num) - len(o.c)
            factor = num[-1] / o.c[-1]
            if factor == int(factor):
                factor = int(factor)
            out[shift] = factor
            for i, b in enumerate(o.c):
                num[i + shift] -= factor * b
            num.pop()
            while len(num) > 1 and num[-1] == 0:
                num.pop()
        return Poly(out), Poly(num)
    def __eq__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        return self.c == o.c
    def derivative(self):
        return Poly([i * a for i, a in enumerate(self.c)][1:] or [0])
    def compose(self, other):
        result = Poly([0])
        for coef in reversed(self.c):
            result = result * other + coef
        return result
    def __repr__(self):
        if self.c == [0]:
            return "0"
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0:
                continue
            sign = "-" if a < 0 else "+"
            mag = abs(a)
            coef = "" if mag == 1 and i else str(mag)
            var = "" if i == 0 else "x" if i == 1 else "x^%d" % i
            terms.append((sign, coef + var))
        first_sign, first = terms[0]
        s = ("-" if first_sign == "-" else "") + first
        for sign, t in terms[1:]:
            s += " %s %s" % (sign, t)
        return s

x = Poly.x()
p = x ** 2 - 3 * x + 2
q = 2 * x + 1
print(p, "|", q, "|", p + q, "|", p - q, "|", p * q, "|", -p, "|", 5 - x, "|", x * 0)
print(p(0), p(1), p(2), p(3), p(0.5), [q(v) for v in range(-2, 3)])
print((x + 1) ** 5, "|", ((x + 1) ** 5)(1), (x - 1) ** 3)
print(p.derivative(), "|", ((x + 1) ** 5).derivative(), "|", Poly([7]).derivative(), "|", p.degree(), Poly([0]).degree())
print(p.compose(q), "|", q.compose(p), "|", p.compose(x + 1))
quot, rem = divmod(x ** 3 - 2 * x ** 2 - 4, x - 3)
print(quot, "|", rem, "|", quot * (x - 3) + rem == x ** 3 - 2 * x ** 2 - 4)
quot, rem = divmod(p, x - 1)
print(quot, "|", rem, p == (x - 2) * (x - 1), p == 2, Poly([2]) == 2)
print(divmod(2 * x ** 2 + 3, 2 * x), Poly([1, 2, 3]) == Poly([1, 2, 3, 0, 0]))

def bisect(f, lo, hi, tol=1e-12):
    flo = f(lo)
    for _ in range(200):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
        if hi - lo < tol:
            break
    return (lo + hi) / 2
def newton(f, df, x0, steps=50):
    xk = x0
    for _ in range(steps):
        d = df(xk)
        if d == 0:
            break
        nxt = xk - f(xk) / d
        if abs(nxt - xk) < 1e-15:
            return nxt
        xk = nxt
    return xk
cubic = x ** 3 - 2 * x - 5
print(cubic, round(bisect(cubic, 2, 3), 10), round(newton(cubic, cubic.derivative(), 2.0), 12))
sq2 = x ** 2 - 2
print(round(newton(sq2, sq2.derivative(), 1.0), 15), round(bisect(sq2, 0, 2), 9))
cheb = [Poly([1]), x]
for n in range(2, 8):
    cheb.append(2 * x * cheb[-1] - cheb[-2])
for n, t in enumerate(cheb):
    print("T%d = %s" % (n, t))
print([round(cheb[5](v), 10) for v in (-1, -0.5, 0, 0.5, 1)])
