# Small puzzles: 0/1 knapsack with item reconstruction, anagram groups,
# balanced brackets, spiral matrix, pascal rows, look-and-say, FizzBuzz
# variants, change-making, magic squares.

def knapsack(items, capacity):
    best = [[0] * (capacity + 1) for _ in range(len(items) + 1)]
    for i, (name, w, v) in enumerate(items, 1):
        for c in range(capacity + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen, c = [], capacity
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    return best[-1][-1], sorted(chosen)
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160), ("glucose", 15, 60),
         ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40), ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70)]
print(knapsack(items, 200), knapsack(items, 0), knapsack(items[:2], 100))

words = ["listen", "silent", "enlist", "google", "elgoog", "cat", "act", "tac", "dog", "god", "odg", "bird", "inlets"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
    print(key, groups[key])

def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in pairs:
            if not stack or stack[-1][0] != pairs[ch]:
                return "mismatch at %d" % i
            stack.pop()
    return "ok" if not stack else "unclosed %r at %d" % stack[-1]
for s in ["()", "([]{})", "(]", "((", "a(b[c]{d}e)f", "", "}", "{[()()]}[", "x = f(a[1], {2: (3)})"]:
    print(repr(s), balanced(s))

def spiral(n):
    grid = [[0] * n for _ in range(n)]
    r = c = 0
    dr, dc = 0, 1
    for k in range(1, n * n + 1):
        grid[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n and grid[nr][nc] == 0):
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid
for row in spiral(5):
    print(" ".join("%2d" % v for v in row))
print(spiral(1), spiral(2))

def look_and_say(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(str(j - i) + s[i])
        i = j
    return "".join(out)
seq = ["1"]
for _ in range(10):
    seq.append(look_and_say(seq[-1]))
print(seq[:8], [len(s) for s in seq])

def fizzbuzz(n, rules=((3, "Fizz"), (5, "Buzz"))):
    out = []
    for i in range(1, n + 1):
        word = "".join(w for d, w in rules if i % d == 0)
        out.append(word or str(i))
    return out
print(" ".join(fizzbuzz(20)))
print(" ".join(fizzbuzz(21, ((3, "Fizz"), (5, "Buzz"), (7, "Bazz")))[-7:]))

def magic_square(n):
    sq = [[0] * n for _ in range(n)]
    r, c = 0, n // 2
    for k in range(1, n * n + 1):
        sq[r][c] = k
        nr, nc = (r - 1) % n, (c + 1) % n
        if sq[nr][nc]:
            nr, nc = (r + 1) % n, c
        r, c = nr, nc
    return sq
for n in (3, 5):
    sq = magic_square(n)
    sums = {sum(row) for row in sq} | {sum(col) for col in zip(*sq)} | {sum(sq[i][i] for i in range(n)), sum(sq[i][n - 1 - i] for i in range(n))}
    print(sq, sums)
def digits_sum_chain(n):
    chain = [n]
    while n >= 10:
        n = sum(int(d) for d in str(n))
        chain.append(n)
    return chain
print([digits_sum_chain(n) for n in (5, 38, 999999999999, 2 ** 100)])
