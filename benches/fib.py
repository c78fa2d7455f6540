# fib: the naive doubly-recursive Fibonacci function.
#
# Exercises: Python-to-Python calls and returns (frame setup cost), small-int
# comparison, addition and subtraction, global name lookup of the function.
#
# Usage: python3 fib.py [n]     (work grows about 1.618x per step of n)

import sys

DEFAULT_SIZE = 35
SIZE_GROWTH = "exp 1.618"


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    print("fib(%d) = %d" % (n, fib(n)))


main()
