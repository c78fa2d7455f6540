# nqueens: all placements of n non-attacking queens on an n x n board, found
# by a recursive generator that tracks attacked columns and diagonals in
# sets; small boards are cross-checked by filtering every permutation (made
# by a hand-written permutation generator).
#
# Exercises: generators and `yield from` in recursion, set add/remove/in,
# tuple building, list comprehensions, all() with a generator expression.
#
# Usage: python3 nqueens.py [n]     (work grows about 5x per step of n)

import sys

DEFAULT_SIZE = 12
SIZE_GROWTH = "exp 5"


def place(n, row, cols, diag1, diag2, placed):
    if row == n:
        yield tuple(placed)
        return
    for col in range(n):
        if col in cols or (row + col) in diag1 or (row - col) in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        placed.append(col)
        yield from place(n, row + 1, cols, diag1, diag2, placed)
        placed.pop()
        cols.remove(col)
        diag1.remove(row + col)
        diag2.remove(row - col)


def solve(n):
    return place(n, 0, set(), set(), set(), [])


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield [items[i]] + tail


def solve_by_permutations(n):
    count = 0
    for perm in permutations(list(range(n))):
        if (len({r + c for r, c in enumerate(perm)}) == n
                and len({r - c for r, c in enumerate(perm)}) == n):
            count += 1
    return count


def is_valid(sol):
    n = len(sol)
    return all(sol[i] != sol[j] and abs(sol[i] - sol[j]) != j - i
               for i in range(n) for j in range(i + 1, n))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    check_n = min(n, 8)
    by_perm = solve_by_permutations(check_n)
    by_search = sum(1 for _ in solve(check_n))
    count = 0
    checksum = 0
    first = last = None
    for sol in solve(n):
        if first is None:
            first = sol
        last = sol
        count += 1
        checksum = (checksum * 31 + sum((r + 1) * c for r, c in enumerate(sol))) % 1000000007
    ok = by_perm == by_search and (first is None or (is_valid(first) and is_valid(last)))
    print("nqueens n=%d solutions=%d checksum=%d first=%s last=%s check(n=%d)=%d %s"
          % (n, count, checksum, list(first or ()), list(last or ()), check_n,
             by_perm, "ok" if ok else "WRONG"))


main()
