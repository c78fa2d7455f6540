# match as a program would use it: a small expression evaluator and a
# command dispatcher combining class, sequence, mapping, or, as and
# guard patterns over nested data.


class Num:
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value


class BinOp:
    __match_args__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right


class Var:
    __match_args__ = ("name",)

    def __init__(self, name):
        self.name = name


class Let:
    __match_args__ = ("name", "value", "body")

    def __init__(self, name, value, body):
        self.name, self.value, self.body = name, value, body


def evaluate(node, env):
    match node:
        case Num(int() | float() as v):
            return v
        case Var(name) if name in env:
            return env[name]
        case Var(name):
            raise NameError(f"unbound {name}")
        case BinOp("+", l, r):
            return evaluate(l, env) + evaluate(r, env)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return 0
        case BinOp("*", l, r):
            return evaluate(l, env) * evaluate(r, env)
        case BinOp("-" | "/" as op, l, r):
            a, b = evaluate(l, env), evaluate(r, env)
            return a - b if op == "-" else a / b
        case Let(name, value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op!r}")
        case _:
            raise TypeError(f"not a node: {node!r}")


def simplify(node):
    match node:
        case BinOp("+", Num(0), x) | BinOp("+", x, Num(0)):
            return simplify(x)
        case BinOp("*", Num(1), x) | BinOp("*", x, Num(1)):
            return simplify(x)
        case BinOp(op, l, r):
            return BinOp(op, simplify(l), simplify(r))
        case _:
            return node


def show(node):
    match node:
        case Num(v):
            return str(v)
        case Var(n):
            return n
        case BinOp(op, l, r):
            return f"({show(l)} {op} {show(r)})"
        case Let(n, v, b):
            return f"let {n} = {show(v)} in {show(b)}"


expr = Let("x", BinOp("+", Num(2), Num(3)),
           BinOp("*", Var("x"), BinOp("-", Var("x"), Num(1))))
print(show(expr), "=", evaluate(expr, {}))
print(evaluate(BinOp("*", Var("undefined"), Num(0)), {}))
e2 = BinOp("+", Num(0), BinOp("*", Num(1), Var("y")))
print(show(e2), "->", show(simplify(e2)))
for bad in [BinOp("%", Num(1), Num(2)), "text", Var("nope")]:
    try:
        evaluate(bad, {})
    except (ValueError, TypeError, NameError) as e:
        print(type(e).__name__, e)


def dispatch(command):
    match command.split():
        case []:
            return "empty"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", *other]:
            return f"can't go {' '.join(other) or 'nowhere'}"
        case ["take", item, *more] if not more:
            return f"taking {item}"
        case ["take", *items]:
            return f"taking {len(items)} things: {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb!r}"


for c in ["", "go north", "go up high", "go", "take lamp", "take a b c", "exit", "dance now"]:
    print(repr(c), "->", dispatch(c))


def event(e):
    match e:
        case {"type": "click", "pos": (x, y), **rest}:
            return f"click at {x},{y}" + (f" with {sorted(rest)}" if rest else "")
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key", "key": k}:
            return f"special key {k}"
        case {"type": t}:
            return f"unhandled {t}"
        case _:
            return "malformed"


for ev in [{"type": "click", "pos": (1, 2)}, {"type": "click", "pos": [3, 4], "button": 2},
           {"type": "click", "pos": (1, 2, 3)}, {"type": "key", "key": "a"},
           {"type": "key", "key": "Enter"}, {"type": "scroll"}, {"pos": (0, 0)}, None]:
    print(ev, "->", event(ev))
