# Matrices as lists of lists: multiply, transpose, identity, power,
# determinant with exact fractions done by hand (numerator/denominator
# pairs), Gaussian elimination, pretty printing.

def mat_mul(a, b):
    if len(a[0]) != len(b):
        raise ValueError("shape mismatch: %dx%d times %dx%d" % (len(a), len(a[0]), len(b), len(b[0])))
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]

def transpose(m):
    return [list(row) for row in zip(*m)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def mat_pow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        e >>= 1
    return result

def show(m, width=6):
    return "\n".join("[" + " ".join(str(x).rjust(width) for x in row) + "]" for row in m)

def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    def __sub__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    def __truediv__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return self.n == o.n and self.d == o.d
    def __repr__(self):
        return str(self.n) if self.d == 1 else "%d/%d" % (self.n, self.d)

def determinant(m):
    m = [[Frac(x) for x in row] for row in m]
    n = len(m)
    det = Frac(1)
    for col in range(n):
        pivot = None
        for r in range(col, n):
            if not m[r][col] == 0:
                pivot = r
                break
        if pivot is None:
            return Frac(0)
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            det = -det
        det = det * m[col][col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            m[r] = [a - factor * b for a, b in zip(m[r], m[col])]
    return det

def solve(a, b):
    n = len(a)
    m = [[Frac(x) for x in row] + [Frac(y)] for row, y in zip(a, b)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if not m[r][col] == 0)
        m[col], m[pivot] = m[pivot], m[col]
        pv = m[col][col]
        m[col] = [x / pv for x in m[col]]
        for r in range(n):
            if r != col and not m[r][col] == 0:
                f = m[r][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [row[-1] for row in m]

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(show(mat_mul(a, b)))
print(show(mat_mul(b, a)))
print(show(transpose(a)), transpose([[1]]), transpose([]))
try:
    mat_mul(a, a)
except ValueError as e:
    print("ValueError:", e)
fibm = [[1, 1], [1, 0]]
for e in (1, 2, 10, 50, 90):
    print("fib via matrix power", e, mat_pow(fibm, e)[0][1])
print(show(mat_pow([[2, 0], [0, 3]], 20), 12))
for m in ([[1, 2], [3, 4]], [[2, 0, 1], [1, 3, 2], [1, 1, 1]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]], [[6]],
          [[1, 1, 1, 1], [1, 2, 4, 8], [1, 3, 9, 27], [1, 4, 16, 64]]):
    print("det", m, "=", determinant(m))
print(solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3]))
print(solve([[1, 2], [3, 5]], [1, 1]), solve([[3, 0], [0, 7]], [1, 1]))
print(Frac(1, 3) + Frac(1, 6), Frac(3, -9), Frac(2, 4) * 4, Frac(1) / 3 - Frac(1, 3), Frac(0, 5))
hilbert = [[Frac(1, i + j + 1) for j in range(4)] for i in range(4)]
print(hilbert)
rows = 6
pascal = [[1]]
for r in range(1, rows):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in pascal:
    print(" ".join(map(str, row)).center(20))
print(sum(sum(row) for row in mat_mul(identity(3), [[1, 2, 3]] * 3)), [row[::-1] for row in identity(3)])
