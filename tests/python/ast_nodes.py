# gc-stress: 20
# The node classes of _ast: hierarchy, _fields, constructors, pickling shape.
import ast
import _ast

print(sorted(n for n in dir(_ast) if not n.startswith("__")) == sorted(n for n in dir(_ast) if not n.startswith("__")))
names = sorted(n for n in dir(_ast) if not n.startswith("_"))
print(names)
for n in names:
    c = getattr(_ast, n)
    if isinstance(c, type):
        print(n, c.__bases__[0].__name__, c.__module__, c._fields, c.__dict__.get("_attributes"), c.__match_args__ if hasattr(c, "__match_args__") else None)
        print(repr(c.__doc__))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.AST._fields, ast.AST._attributes)
print(issubclass(ast.Name, ast.expr), issubclass(ast.Add, ast.operator), isinstance(ast.Load(), ast.AST))
print(type(ast.AST), ast.Name.__qualname__)

n = ast.Name("x", ast.Load())
print(n.id, type(n.ctx).__name__)
n = ast.Name(id="y")
print(n.id, hasattr(n, "ctx"))
print(ast.Constant(1).kind, ast.FunctionDef().returns, ast.Name().end_lineno)
try:
    ast.Name("a", ast.Load(), 3)
except TypeError as e:
    print(e)
try:
    ast.Pass(1)
except TypeError as e:
    print(e)
try:
    ast.keyword("a")
    ast.Name("a", id="b")
except TypeError as e:
    print(e)
n = ast.Name("a", extra=5)
print(n.extra, n.__dict__)
print(ast.Name("a").__reduce__())
print(ast.Pass().__reduce__())

class MyName(ast.Name):
    _fields = ("id", "ctx", "note")

m = MyName("a", ast.Load(), "hello")
print(m.note, isinstance(m, ast.expr))

import copy
t = ast.parse("x = [1, 2]")
t2 = copy.deepcopy(t)
print(ast.dump(t2, include_attributes=True) == ast.dump(t, include_attributes=True))
t3 = copy.copy(t)
print(ast.dump(t3), t3.body is t.body)

# singletons from the parser
t = ast.parse("a + b + c")
print(t.body[0].value.op is t.body[0].value.left.op)
print(ast.parse("x").body[0].value.ctx is ast.parse("y").body[0].value.ctx)

# match on nodes
for node in ast.walk(ast.parse("f(1, x)")):
    match node:
        case ast.Call(func=ast.Name(id=name), args=[ast.Constant(value=v), *_]):
            print("call", name, v)
        case ast.Name(id):
            print("name", id)

# deprecated aliases defined by ast.py on top of _ast
print(isinstance(ast.Num(5), ast.Constant), ast.Str("s").s, ast.Constant(3).n)
