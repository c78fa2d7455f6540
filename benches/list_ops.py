# list_ops: the everyday list operations: append, extend, insert, pop,
# index/count/in, slicing and slice assignment, del, reverse, sort with and
# without a key, sorted(), comprehensions, concatenation and repetition,
# a hand-written binary search, and a matrix transpose of nested lists.
#
# Exercises: list storage growth and shrinking, item reads and writes,
# int comparison in sort, tuple keys, bounds and negative indices.
#
# Usage: python3 list_ops.py [rounds]

import sys

DEFAULT_SIZE = 240
LENGTH = 5000
MOD = 1000000007


def pseudo_random(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x >> 12)
    return out


def bisect_left(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def transpose(m):
    return [[row[j] for row in m] for j in range(len(m[0]))]


def one_round(seed):
    data = pseudo_random(seed, LENGTH)
    check = 0

    # sorting three ways
    asc = sorted(data)
    desc = sorted(data, reverse=True)
    by_key = sorted(range(len(data)), key=lambda i: (data[i] % 100, -i))
    check += asc[0] + asc[-1] + desc[LENGTH // 2] + by_key[0] + by_key[-1]
    data.sort()
    check += 1 if data == asc else 0

    # binary search for every 7th element of the original order
    hits = 0
    for v in desc[::7]:
        i = bisect_left(asc, v)
        if i < len(asc) and asc[i] == v:
            hits += i
    check += hits

    # slicing: strides, negative indices, slice assignment and deletion
    work = asc[:]
    evens = work[::2]
    odds = work[1::2]
    work[10:20] = odds[:5]
    del work[-30:-10]
    work[::3] = [0] * len(work[::3])
    check += sum(evens[-5:]) - sum(odds[:5]) + len(work) + work[-1]
    rev = work[::-1]
    work.reverse()
    check += 1 if rev == work else 0

    # insert/pop at both ends and in the middle (a small queue and stack)
    q = []
    for i in range(300):
        q.append(i)
        q.insert(0, -i)
        if i % 3 == 0:
            q.pop(0)
        if i % 5 == 0:
            q.pop()
        if i % 7 == 0:
            q.insert(len(q) // 2, i * i)
    check += len(q) + q[0] + q[-1] + q[len(q) // 2]

    # index / count / in over a small list
    small = [x % 50 for x in data[:400]]
    for k in range(0, 50, 3):
        if k in small:
            check += small.index(k) + small.count(k)

    # building: comprehensions, extend, +, *, nested lists
    grid = [[(r * 31 + c * 17) % 23 for c in range(40)] for r in range(30)]
    t = transpose(grid)
    flat = []
    for row in t:
        flat.extend(row)
    joined = flat[:100] + [7] * 20 + flat[-100:]
    check += sum(joined) + len(flat) + t[5][7] + max(flat) - min(flat)
    squares = [x * x for x in small if x & 1]
    pairs = [(a, b) for a, b in zip(squares, squares[1:]) if a < b]
    check += len(pairs) + sum(a for a, _ in pairs[:10])

    # item writes in place
    for i in range(len(asc)):
        asc[i] = asc[i] % 1000 + i
    check += sum(asc)
    return check % MOD


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    total = 0
    for r in range(rounds):
        total = (total * 7 + one_round(r + 1)) % MOD
    print("list_ops rounds=%d length=%d checksum=%d" % (rounds, LENGTH, total))


main()
