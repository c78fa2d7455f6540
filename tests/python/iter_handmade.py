# gc-stress: 20
# itertools-like helpers written by hand with generators: count, cycle,
# repeat, accumulate, chain, islice, takewhile, dropwhile, groupby, product,
# permutations, combinations, zip_longest, pairwise, batched, tee-like.

def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def islice(it, start, stop=None, step=1):
    if stop is None:
        start, stop = 0, start
    it = iter(it)
    for i in range(stop):
        try:
            item = next(it)
        except StopIteration:
            return
        if i >= start and (i - start) % step == 0:
            yield item

def cycle(seq):
    saved = list(seq)
    while saved:
        yield from saved

def repeat(x, n):
    for _ in range(n):
        yield x

def accumulate(it, fn=lambda a, b: a + b, initial=None):
    it = iter(it)
    total = initial
    if total is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = fn(total, x)
        yield total

def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x

def dropwhile(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it

def groupby(it, key=lambda x: x):
    it = iter(it)
    try:
        cur = next(it)
    except StopIteration:
        return
    group = [cur]
    k = key(cur)
    for x in it:
        kx = key(x)
        if kx == k:
            group.append(x)
        else:
            yield k, group
            k, group = kx, [x]
    yield k, group

def product(*seqs):
    if not seqs:
        yield ()
        return
    for head in seqs[0]:
        for tail in product(*seqs[1:]):
            yield (head,) + tail

def permutations(seq, r=None):
    seq = list(seq)
    r = len(seq) if r is None else r
    if r == 0:
        yield ()
        return
    for i, x in enumerate(seq):
        for rest in permutations(seq[:i] + seq[i + 1:], r - 1):
            yield (x,) + rest

def combinations(seq, r):
    seq = list(seq)
    if r == 0:
        yield ()
        return
    for i in range(len(seq)):
        for rest in combinations(seq[i + 1:], r - 1):
            yield (seq[i],) + rest

def zip_longest(*its, fill=None):
    its = [iter(i) for i in its]
    while True:
        row, alive = [], False
        for it in its:
            try:
                row.append(next(it))
                alive = True
            except StopIteration:
                row.append(fill)
        if not alive:
            return
        yield tuple(row)

def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x

def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(), 2, 10, 3)), list(islice("abc", 10)))
print(list(islice(cycle("ab"), 5)), list(cycle([])), list(repeat("x", 3)), list(repeat(0, 0)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(takewhile(lambda x: x < 4, [1, 3, 5, 2])), list(dropwhile(lambda x: x < 4, [1, 3, 5, 2])), list(takewhile(bool, [])))
print([(k, g) for k, g in groupby("aaabccdaa")], [(k, len(g)) for k, g in groupby(range(10), key=lambda x: x // 4)])
print(list(product("ab", [1, 2])), len(list(product(range(3), range(3), range(3)))), list(product()))
print(list(permutations("abc")), len(list(permutations(range(5), 2))), list(permutations([1, 2], 0)))
print(list(combinations("abcd", 2)), len(list(combinations(range(10), 3))), list(combinations("ab", 3)))
print(list(zip_longest("abc", [1], fill="-")), list(zip_longest()), list(pairwise("abcd")), list(pairwise("a")))
print(list(batched(range(7), 3)), list(batched([], 2)), list(batched("ab", 5)))
squares = (n * n for n in count(1))
odd_squares = (s for s in squares if s % 2)
print(list(islice(odd_squares, 6)), next(odd_squares))
primes = (n for n in count(2) if all(n % d for d in range(2, int(n ** 0.5) + 1)))
print(list(islice(primes, 15)))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(sorted(words), key=lambda w: w[0]):
    print(letter, group)
total = 0
for a, b, c in combinations(range(1, 20), 3):
    if a * a + b * b == c * c:
        total += 1
        print("triple", a, b, c)
print(total, sum(1 for p in permutations(range(6)) if all(p[i] != i for i in range(6))))
