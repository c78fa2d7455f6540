# Unbounded recursion is not caught: the program ends with RecursionError.

def countdown(n):
    if n % 200 == 0:
        print("depth", -n)
    return countdown(n - 1)

print("starting")
countdown(0)
