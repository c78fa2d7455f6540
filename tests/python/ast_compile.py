# gc-stress: 20
# compile() of AST objects: from ast.parse, transformed, and built by hand;
# positions survive into tracebacks and co_positions.
import ast
import sys

tree = ast.parse("x = 6 * 7\nprint('x is', x)")
code = compile(tree, "<ast>", "exec")
exec(code)

e = ast.parse("[i * i for i in range(5)]", mode="eval")
print(eval(compile(e, "<ast>", "eval")))

# hand-built tree, fix_missing_locations
mod = ast.Module(
    body=[
        ast.FunctionDef(
            name="add",
            args=ast.arguments(posonlyargs=[], args=[ast.arg("a"), ast.arg("b")], vararg=None,
                               kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[ast.Constant(10)]),
            body=[ast.Return(ast.BinOp(ast.Name("a", ast.Load()), ast.Add(), ast.Name("b", ast.Load())))],
            decorator_list=[],
            returns=None,
        ),
        ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Call(ast.Name("add", ast.Load()), [ast.Constant(1)], [])], [])),
    ],
    type_ignores=[],
)
ast.fix_missing_locations(mod)
ns = {}
exec(compile(mod, "<hand>", "exec"), ns)
print(ns["add"](2, 3), ns["add"].__defaults__)

# a transformer rewriting + to *
class Swap(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            node.op = ast.Mult()
        return node

src = """
def f(a, b):
    return a + b

class K:
    def m(self, n=3):
        return [n + i for i in range(3)]

total = 0
for i in range(1, 4):
    total += f(i, i)
print(total, f(3, 4), K().m())
"""
t = Swap().visit(ast.parse(src))
exec(compile(t, "<swap>", "exec"), {})

# every statement kind round-trips through compile
src2 = '''
import math as m
from collections import OrderedDict
g = 0
def gen(n):
    global g
    g += 1
    yield from range(n)
    x = yield
async def co():
    return 1
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner()
try:
    raise ValueError("bad")
except ValueError as e:
    print("caught", e)
else:
    pass
finally:
    print("finally")
with open(__file__) as fh:
    pass
while g < 3:
    g += 1
else:
    print("while done", g)
assert g == 3, "g"
del fh
match [1, 2, 3]:
    case [1, *rest]:
        print("rest", rest)
match {"k": 1}:
    case {"k": v, **kw}:
        print("k", v, kw)
lam = lambda *a, k=1, **kw: (a, k, kw)
print(lam(1, 2, k=3, z=4))
print(f"{m.pi:.3f} {g!r} {'s'!s:>4}", {1: 2, **{3: 4}}, {*[1, 2]}, [*range(2)], (1,)[0:1])
print(list(gen(3)), outer(), OrderedDict(a=1))
print(b"bytes", 1j, -5, 10**30, ..., None, 1.5, (x := 5) + x)
print(1 < 2 <= 3, not True, ~1, -(-2), 2 ** 3 // 3 % 2)
print([x for x in range(6) if x % 2 if x > 1], {x: x for x in "ab"}, {x for x in ()}, sum(x for x in range(4)))
'''
code = compile(ast.parse(src2), __file__, "exec")
exec(code, {"__file__": __file__})

# positions survive
t = ast.parse("a = 1\n\n\nb = undefined_name\n")
try:
    exec(compile(t, "<pos>", "exec"), {})
except NameError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("NameError at line", tb.tb_lineno)
t.body[1].lineno = t.body[1].end_lineno = 40
t.body[1].value.lineno = t.body[1].value.end_lineno = 40
try:
    exec(compile(t, "<pos>", "exec"), {})
except NameError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("NameError at line", tb.tb_lineno)
code = compile(ast.parse("x = (1 +\n     y)"), "<p>", "exec")
print(code.co_firstlineno, sorted({p[0] for p in code.co_positions() if p[0]}))

# compile() with PyCF_ONLY_AST of an AST returns it
print(compile(t, "<x>", "exec", ast.PyCF_ONLY_AST) is t)

# errors
for bad, mode in [
    (ast.Expression(body=ast.Constant(1)), "exec"),
    (ast.Module(body=[ast.Expr()], type_ignores=[]), "exec"),
    (ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()))], type_ignores=[]), "exec"),
    (ast.Module(body=[ast.Constant(1)], type_ignores=[]), "exec"),
    (ast.Module(body=ast.Pass(), type_ignores=[]), "exec"),
]:
    try:
        compile(bad, "<bad>", mode)
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    compile(ast.parse("return 1"), "<r>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
