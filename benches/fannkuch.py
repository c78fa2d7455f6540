# fannkuch: for every permutation of 0..n-1, repeatedly reverse the prefix
# whose length is given by the first element until the first element is 0,
# counting the reversals ("pancake flips").  Reports the largest count and a
# signed checksum over all permutations.
#
# Exercises: small-list slicing and slice assignment, list copies, integer
# loops, while loops with data-dependent exits.
#
# The size is the number of permutations of 0..9 visited (at most 10! =
# 3628800), so the work grows linearly with it; the full sweep of n=7, run
# first as a check, gives the classic numbers (n=7: checksum 228, max flips 16).
#
# Usage: python3 fannkuch.py [permutations]

import sys

DEFAULT_SIZE = 1000000
N = 10


def count_flips(perm):
    p = perm[:]
    flips = 0
    head = p[0]
    while head:
        p[:head + 1] = p[head::-1]
        flips += 1
        head = p[0]
    return flips


def fannkuch(n, limit):
    perm = list(range(n))
    # counters[i] says how many more rotations of the first i+1 items remain
    counters = [0] * n
    max_flips = 0
    checksum = 0
    index = 0
    depth = n
    while True:
        while depth > 1:
            counters[depth - 1] = depth
            depth -= 1
        if perm[0]:
            flips = count_flips(perm)
            if flips > max_flips:
                max_flips = flips
            if index & 1:
                checksum -= flips
            else:
                checksum += flips
        index += 1
        if index >= limit:
            return checksum, max_flips, index
        # advance to the next permutation by rotating a growing prefix
        while True:
            if depth == n:
                return checksum, max_flips, index
            first = perm[0]
            perm[:depth] = perm[1:depth + 1]
            perm[depth] = first
            counters[depth] -= 1
            if counters[depth] > 0:
                break
            depth += 1


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    small = fannkuch(7, 10 ** 9)
    checksum, max_flips, count = fannkuch(N, limit)
    print("fannkuch n=%d permutations=%d checksum=%d max_flips=%d"
          " (n=7: %d %d)" % (N, count, checksum, max_flips, small[0], small[1]))


main()
