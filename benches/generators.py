# generators: data flowing through chains of generators, the way lazy
# pipelines are written in Python: a source, filters, maps, a sliding window,
# chunking, flattening with `yield from`, merging two sorted streams, a
# recursive tree walk, and a coroutine driven by send().
#
# Exercises: generator creation, resumption and exhaustion (StopIteration
# handling in for loops), generator expressions, `yield from` delegation,
# send(), zip/enumerate/sum/any over generators, closures over loop state.
#
# Usage: python3 generators.py [items]

import sys

DEFAULT_SIZE = 1200000
MOD = 1000000007


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def keep(it, pred):
    for x in it:
        if pred(x):
            yield x


def scaled(it, k, offset):
    for x in it:
        yield x * k + offset


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > size:
            del buf[0]
        if len(buf) == size:
            yield tuple(buf)


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(lists):
    for lst in lists:
        yield from lst


def merge(a, b):
    # merge two ascending streams into one ascending stream
    sentinel = object()
    x = next(a, sentinel)
    y = next(b, sentinel)
    while x is not sentinel and y is not sentinel:
        if x <= y:
            yield x
            x = next(a, sentinel)
        else:
            yield y
            y = next(b, sentinel)
    while x is not sentinel:
        yield x
        x = next(a, sentinel)
    while y is not sentinel:
        yield y
        y = next(b, sentinel)


def build_tree(lo, hi):
    # a balanced binary tree of (left, value, right) tuples over lo..hi-1
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return (build_tree(lo, mid), mid, build_tree(mid + 1, hi))


def inorder(node):
    if node is None:
        return
    left, value, right = node
    yield from inorder(left)
    yield value
    yield from inorder(right)


def running_stats():
    # coroutine: receives numbers, answers (count, total, maximum)
    count = 0
    total = 0
    biggest = None
    reply = None
    while True:
        x = yield reply
        count += 1
        total += x
        if biggest is None or x > biggest:
            biggest = x
        reply = (count, total, biggest)


def fib_stream():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % MOD


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    results = []

    # 1. filter -> map -> sliding window -> sum of window products
    pipe = windows(scaled(keep(numbers(n), lambda x: x % 3 != 0), 7, 1), 3)
    acc = 0
    for a, b, c in pipe:
        acc = (acc + a * b - c) % MOD
    results.append(acc)

    # 2. chunk and flatten again, with enumerate and a generator expression
    flat = flatten(chunks(numbers(n), 17))
    results.append(sum(i * x % 97 for i, x in enumerate(flat)) % MOD)

    # 3. merge two sorted streams and check order while counting
    evens = (2 * i for i in range(n // 2))
    odds = scaled(numbers(n // 2), 2, 1)
    prev = -1
    ordered = True
    count = 0
    for x in merge(evens, odds):
        if x < prev:
            ordered = False
        prev = x
        count += 1
    results.append(count if ordered else -1)

    # 4. recursive tree walk with yield from
    size = n // 4
    tree = build_tree(0, size)
    results.append(sum(v for v in inorder(tree) if v & 1))

    # 5. coroutine fed by zip of two generators, stopped by a limit
    stats = running_stats()
    next(stats)
    reply = None
    for f, x in zip(fib_stream(), numbers(n)):
        reply = stats.send((f ^ x) % 1000)
    stats.close()
    results.append(reply)

    # 6. any/all short-circuit over fresh generators, many times
    hits = 0
    for k in range(1, n // 100 + 1):
        if any(x * x % 101 == k % 101 for x in range(50)):
            hits += 1
        if all(x % (k + 2) for x in range(1, 15)):
            hits += 1
    results.append(hits)

    print("generators n=%d results=%s" % (n, results))


main()
