# Assignment expressions (:=) in every legal place, their scoping
# (comprehensions bind in the enclosing function), and the places CPython
# rejects them.


def reader(items):
    it = iter(items)
    out = []
    while (chunk := next(it, None)) is not None:
        out.append(chunk)
    return out


print(reader([1, 2, 3]))

if (n := len("hello")) > 3:
    print("long", n)
print([y := 5, y ** 2])
print((z := 10) + z)
print(f"{(w := 7)} and {w}")
data = [1, 2, 3, 4, 5, 6]
print([s for x in data if (s := x * x) > 10])
print("last s:", s)
print(any((hit := v) > 4 for v in data), hit)
print(all((miss := v) < 3 for v in data), miss)


def in_function():
    values = [3, 1, 4]
    total = [acc := 0] and [acc := acc + v for v in values]
    return total, acc


print(in_function())


def nested_comprehension():
    res = [[(last := i * j) for j in range(3)] for i in range(3)]
    return res, last


print(nested_comprehension())


class C:
    # a walrus directly in a class body binds a class attribute
    vals = [1, 2]
    doubled = (k := 2) * 3


print(C.doubled, C.k)


def walrus_nonlocal():
    found = None

    def search(xs):
        nonlocal found
        return [x for x in xs if (found := x) > 1]

    return search([1, 2, 3]), found


print(walrus_nonlocal())

counter = 0


def walrus_global():
    global counter
    [counter := counter + 1 for _ in range(5)]
    return counter


print(walrus_global(), counter)

print((lambda: (q := 4) * q)())
print(dict(a=(b := 3)), b)
t = (a := 1, b := 2)
print(t, a, b)
print([(i, j) for i in range(3) if (j := i * 10) >= 10])
x = 0
while (x := x + 1) < 3:
    print("while", x)
assert (checked := True), "never"
print(checked)
for bad in ["(a := 1) = 2", "x := 5", "[i := 0 for i in range(3)]",
            "[i for i in range(3) if (i := 5)]",
            "def f():\n    [x for x in (x := [1])]",
            "class A:\n    [(y := 1) for z in range(1)]",
            "(a.b := 1)", "(a[0] := 1)", "f(x := 1 for y in z)",
            "[[(j := 0) for i in range(2)] for j in range(2)]",
            "def f(x=(y := 1)): pass\nprint(y)",
            "print(x := 1, y := 2)", "foo(a=b := 1)", "lambda: x := 1", "x.y := 1",
            "f() := 1", "(a, b) := 1", "1 := 2"]:
    try:
        compile(bad, "<s>", "exec")
        print("compiled:", bad.replace("\n", " | "))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
