# for/while loops with break, continue and else; nested loops; loops over
# many iterable kinds; modifying the loop variable; while with complex
# conditions.

for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("for-else must not run after break")

for i in range(3):
    pass
else:
    print("for-else runs when no break, i =", i)

for i in []:
    print("never")
else:
    print("for-else runs for an empty loop")

n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("while", n)
else:
    print("while-else must not run")
print("n after break:", n)

k = 3
while k:
    k -= 1
else:
    print("while-else ran, k =", k)

def find(haystack, needle):
    for idx, item in enumerate(haystack):
        if item == needle:
            break
    else:
        return -1
    return idx
print(find("hello", "l"), find("hello", "z"), find([], 1))

primes = []
for cand in range(2, 50):
    for p in primes:
        if p * p > cand:
            primes.append(cand)
            break
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)

for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if a + b == 3:
            break
        print("pair", a, b)
    else:
        print("inner loop finished for a =", a)

for i in range(3):
    i = i * 100
    print("rebinding does not affect iteration:", i)

items = [1, 2, 3, 4]
for x in items:
    if x == 2:
        items.remove(x)
print("removing while iterating skips:", items)
grow = [1]
for x in grow:
    if x < 5:
        grow.append(x + 1)
print("appending while iterating extends:", grow)

total = 0
for ch in "a1b2c3":
    if ch.isdigit():
        total += int(ch)
print(total)
for key in {"x": 1, "y": 2}:
    print("dict key", key)
for k, v in {"x": 1, "y": 2}.items():
    print("item", k, v)
for idx, (a, b) in enumerate(zip("ab", "cd"), start=1):
    print(idx, a, b)
for a, *rest in [(1, 2, 3), (4,), "xy"]:
    print(a, rest)
i = 0
while True:
    i += 1
    if i > 100:
        break
print("while True broke at", i)
x, steps = 27, 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
count = 0
for i in range(10):
    for j in range(10):
        for k in range(10):
            if (i + j + k) % 7 == 0:
                count += 1
            if k > i:
                break
print("nested count", count)
outer_done = False
for i in range(5):
    for j in range(5):
        if i * j == 6:
            outer_done = True
            break
    if outer_done:
        break
print("broke out at", i, j)
for i in range(10, 0, -3):
    print(i, end=",")
print()
result = []
for c in reversed("abc"):
    for d in range(2):
        result.append(c * (d + 1))
print(result)
