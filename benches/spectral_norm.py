# spectral_norm: the largest singular value of the infinite matrix
# A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1), truncated to n x n, found by
# power iteration on A^T A.
#
# Exercises: float division and accumulation, integer index arithmetic,
# nested loops calling a small function, list building.
#
# Usage: python3 spectral_norm.py [n]

import sys

DEFAULT_SIZE = 500
SIZE_GROWTH = "square"


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mul_a(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(i, j) * v[j]
        out.append(acc)
    return out


def mul_at(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * v[j]
        out.append(acc)
    return out


def mul_ata(v):
    return mul_at(mul_a(v))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_ata(u)
        u = mul_ata(v)
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    print("spectral_norm n=%d norm=%.9f" % (n, (vbv / vv) ** 0.5))


main()
