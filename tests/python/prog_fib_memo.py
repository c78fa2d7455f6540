# gc-stress: 20
# Memoization with dicts: fibonacci, binomials, partitions, edit distance,
# longest common subsequence, coin change, collatz lengths.

memo = {0: 0, 1: 1}
def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(25)])
print(fib(100), fib(300))
print(len(memo), len(str(fib(300))))

binom_cache = {}
def binom(n, k):
    if k == 0 or k == n:
        return 1
    key = (n, k)
    if key not in binom_cache:
        binom_cache[key] = binom(n - 1, k - 1) + binom(n - 1, k)
    return binom_cache[key]
print([binom(10, k) for k in range(11)], binom(60, 30), len(binom_cache))

part_cache = {}
def partitions(n, maxpart=None):
    if maxpart is None:
        maxpart = n
    if n == 0:
        return 1
    if n < 0 or maxpart == 0:
        return 0
    key = (n, maxpart)
    if key in part_cache:
        return part_cache[key]
    r = partitions(n - maxpart, maxpart) + partitions(n, maxpart - 1)
    part_cache[key] = r
    return r
print([partitions(i) for i in range(20)], partitions(100))

def edit_distance(a, b):
    cache = {}
    def d(i, j):
        if (i, j) in cache:
            return cache[i, j]
        if i == 0:
            r = j
        elif j == 0:
            r = i
        elif a[i - 1] == b[j - 1]:
            r = d(i - 1, j - 1)
        else:
            r = 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))
        cache[i, j] = r
        return r
    return d(len(a), len(b))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("intention", "execution"), ("ab", "ba")]:
    print(a, b, edit_distance(a, b))

def lcs(a, b):
    table = [[""] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = a[i] + table[i + 1][j + 1]
            else:
                x, y = table[i + 1][j], table[i][j + 1]
                table[i][j] = x if len(x) >= len(y) else y
    return table[0][0]
print(lcs("AGGTAB", "GXTXAYB"), lcs("abcdef", "acf"), repr(lcs("abc", "xyz")), lcs("thisisatest", "testing123testing"))

def coin_change(coins, amount):
    ways = {0: 1}
    best = {0: 0}
    for a in range(1, amount + 1):
        best[a] = min((best[a - c] + 1 for c in coins if a - c >= 0 and best.get(a - c) is not None), default=None)
    counts = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            counts[a] += counts[a - c]
    return best[amount], counts[amount]
print(coin_change([1, 5, 10, 25], 63), coin_change([2], 3), coin_change([3, 7], 20), coin_change([1, 2, 5], 100))

collatz = {1: 1}
def collatz_len(n):
    path = []
    while n not in collatz:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = collatz[n]
    for m in reversed(path):
        length += 1
        collatz[m] = length
    return collatz[path[0]] if path else length
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best), collatz_len(27), collatz_len(1), len(collatz) > 3000)

def stairs(n, cache={}):
    if n <= 1:
        return 1
    if n not in cache:
        cache[n] = stairs(n - 1) + stairs(n - 2) + (stairs(n - 3) if n >= 3 else 0)
    return cache[n]
print([stairs(i) for i in range(15)], stairs(60))
print(sorted(memo)[:5], sorted(memo)[-1], sum(memo.values()) % 1000000007)
