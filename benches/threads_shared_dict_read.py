# threads_shared_dict_read: many threads reading the same shared data and
# calling the same shared functions, none of them writing anything shared
# except its own slot of a results list.  The shared data is what a real
# program builds once and then queries: a dict from words to ids, a dict
# from ids to tuples, a list of objects with attributes, a frozenset of stop
# words, module-level constants and functions.
#
# Nothing here needs a lock, and nothing should serialize the threads: on a
# free-threaded implementation reads of shared dicts, lists, attributes and
# globals must not contend (no shared reference counts, no per-read lock).
#
# Exercises: dict lookups with str and int keys (get, [], in) from several
# threads, list indexing, attribute reads on shared instances, global and
# builtin name lookups, calls of shared module-level functions,
# threading.Thread start/join.
#
# Usage: python3 threads_shared_dict_read.py [queries] [threads]     (threads default 2)

import sys
import threading

DEFAULT_SIZE = 4000000
DEFAULT_THREADS = 2
VOCAB = 4000
MOD = 1000000007
SCALE = 31


class Item:
    __slots__ = ("ident", "name", "weight", "tags")

    def __init__(self, ident, name, weight, tags):
        self.ident = ident
        self.name = name
        self.weight = weight
        self.tags = tags


def make_word(i):
    letters = "etaoinshrdlucmfw"
    out = []
    i += 1
    while i:
        out.append(letters[i % 16])
        i //= 16
    return "".join(out) + "x"


WORDS = [make_word(i) for i in range(VOCAB)]
WORD_ID = {w: i for i, w in enumerate(WORDS)}
DETAILS = {i: (i * 7 % 13, len(WORDS[i]), i % 5) for i in range(VOCAB)}
ITEMS = [Item(i, WORDS[i], (i * 2654435761) % 1000, (i % 3, i % 7)) for i in range(VOCAB)]
STOP = frozenset(WORDS[::97])
QUERIES = [WORDS[(i * i + 3 * i) % VOCAB] if i % 11 else "missing%d" % (i % 50)
           for i in range(VOCAB * 2)]


def weigh(item, detail):
    a, b, c = detail
    return item.weight * SCALE + a * b - c + item.tags[0] + item.tags[1]


def combine(acc, value):
    return (acc + value) % MOD


def reader(lo, hi, results, slot):
    acc = 0
    nq = len(QUERIES)
    for q in range(lo, hi):
        word = QUERIES[q % nq]
        ident = WORD_ID.get(word)
        if ident is None:
            acc = combine(acc, len(word))
            continue
        if word in STOP:
            continue
        item = ITEMS[ident]
        value = weigh(item, DETAILS[item.ident])
        if item.name is word:
            value += 1
        acc = combine(acc, value)
    results[slot] = acc


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_THREADS
    results = [0] * nthreads
    step = (n + nthreads - 1) // nthreads
    threads = []
    for t in range(nthreads):
        lo = t * step
        hi = min(n, lo + step)
        th = threading.Thread(target=reader, args=(lo, hi, results, t))
        threads.append(th)
        th.start()
    for th in threads:
        th.join()
    # acc is a sum, so the total does not depend on how the queries were split
    print("threads_shared_dict_read queries=%d threads=%d total=%d"
          % (n, nthreads, sum(results) % MOD))


main()
