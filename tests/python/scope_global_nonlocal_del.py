# global and nonlocal in nested functions and classes, del of every kind
# of target, and the errors for unbound names after del.
x = "global x"


def outer():
    x = "outer x"

    def middle():
        nonlocal x
        x = "set by middle"

        def inner():
            global x
            x = "set by inner"
            return x

        inner()
        return x

    r = middle()
    return r, x


print(outer(), x)


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = counter()
inc()
inc(5)
print("counter:", get())


class Scope:
    y = 1

    def method(self):
        return y if "y" in globals() else "class attrs are not visible in methods"

    z = [y for _ in range(1)] if False else None


print(Scope().method())

y = "global y"


class Reads:
    y = "class y"

    def f():
        return y

    g = f()


print(Reads.g)


def class_in_function():
    v = "enclosing"

    class K:
        v = "class body"
        w = v

        def m(self):
            return v

    return K.w, K().m()


print(class_in_function())


def declare_later():
    global late
    late = "made by function"


declare_later()
print(late)

# del
a = 1
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)


def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(local_del())


def del_unbound():
    try:
        del never
    except NameError as e:
        return f"{type(e).__name__}: {e}"
    never = 1


print(del_unbound())


def cell_del():
    c = 1

    def read():
        return c

    del c
    try:
        read()
    except NameError as e:
        return f"{type(e).__name__}: {e}"


print(cell_del())

lst = [0, 1, 2, 3, 4, 5]
del lst[0], lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)


class Obj:
    pass


o = Obj()
o.attr = 1
o.other = 2
del o.attr
print(vars(o))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
p, (q, r) = 1, (2, 3)
del (p, [q, r])
print("p" in globals(), "q" in globals())
for i in range(2):
    pass
del i
try:
    i
except NameError:
    print("loop variable deleted")


def gen_del():
    yield 1
    del_me = 5
    del del_me
    yield "deleted inside generator"


print(list(gen_del()))

for bad in ["def f():\n    x = 1\n    global x", "def f():\n    global x\n    nonlocal x",
            "nonlocal x", "def f():\n    nonlocal missing", "def f(a):\n    global a",
            "def f():\n    print(x)\n    global x", "del f()", "del (a, 1)", "del [a, b + 1]",
            "class A:\n    nonlocal x", "def f(a):\n    nonlocal a",
            "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x"]:
    try:
        compile(bad, "<s>", "exec")
        print("compiled:", bad.replace("\n", " | "))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
