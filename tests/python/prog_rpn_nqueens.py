# gc-stress: 20
# Two classic small programs: an RPN calculator with error handling, and
# the N-queens puzzle solved by backtracking (counts and first solutions).

def rpn(expr):
    stack = []
    ops = {
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "/": lambda a, b: a / b,
        "//": lambda a, b: a // b,
        "%": lambda a, b: a % b,
        "^": lambda a, b: a ** b,
    }
    for tok in expr.split():
        if tok in ops:
            if len(stack) < 2:
                raise ValueError("stack underflow at %r" % tok)
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif tok == "neg":
            stack.append(-stack.pop())
        else:
            try:
                stack.append(int(tok))
            except ValueError:
                stack.append(float(tok))
    if len(stack) != 1:
        raise ValueError("malformed expression, stack: %r" % stack)
    return stack[0]

for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^ 2 ^", "10 3 /", "10 3 //", "-7 2 %", "1.5 2 *", "2 100 ^",
          "4 dup *", "1 2 swap -", "5 neg 3 *", "1 +", "1 2 3", "1 0 /", "x 1 +", "0.1 0.2 +"]:
    try:
        print("%-22s = %r" % (e, rpn(e)))
    except ValueError as err:
        print("%-22s ! ValueError: %s" % (e, err))
    except ZeroDivisionError as err:
        print("%-22s ! ZeroDivisionError: %s" % (e, err))

def queens(n):
    solutions = []
    cols = [0] * n
    used_cols, diag1, diag2 = set(), set(), set()
    def place(row):
        if row == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if c in used_cols or row - c in diag1 or row + c in diag2:
                continue
            cols[row] = c
            used_cols.add(c)
            diag1.add(row - c)
            diag2.add(row + c)
            place(row + 1)
            used_cols.remove(c)
            diag1.remove(row - c)
            diag2.remove(row + c)
    place(0)
    return solutions

for n in range(1, 9):
    sols = queens(n)
    print(n, len(sols), sols[0] if sols else None)
first = queens(8)[0]
for r in range(8):
    print(" ".join("Q" if first[r] == c else "." for c in range(8)))
def rotate(board, n):
    new = [0] * n
    for r, c in enumerate(board):
        new[c] = n - 1 - r
    return new
def unique(sols, n):
    seen = set()
    out = []
    for s in sols:
        variants = []
        b = s
        for _ in range(4):
            b = rotate(b, n)
            variants.append(tuple(b))
            variants.append(tuple(reversed(b)))
        key = min(variants)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out
print(len(unique(queens(6), 6)), len(unique(queens(8), 8)))
