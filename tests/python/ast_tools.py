# gc-stress: 20
# ast's helpers: literal_eval, unparse, NodeVisitor/NodeTransformer, walk,
# get_docstring, get_source_segment, fix_missing_locations, increment_lineno.
import ast

for s in ["1", "-2.5", "(1, 'a', b'x', None, True)", "[1, [2, {3: 4}], {5}]",
          "{'a': (1, 2)}", "1+2j", "-(1)", "set()", "  7"]:
    print(repr(ast.literal_eval(s)))
for bad in ["f(x)", "a + b", "[x]", "{**d}"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError:", str(e).split(" <")[0])

srcs = [
    "x = 1",
    "def f(a, b=2, *c, d, **e):\n    return a + b",
    "class C(B):\n    '''doc'''\n    def m(self):\n        pass",
    "for i in range(10):\n    if i % 2:\n        continue\n    print(i)",
    "print(f'{x!r:>10} and {y}')",
    "with a as b:\n    try:\n        pass\n    except E:\n        raise",
    "lambda x: x * 2",
    "x = [i ** 2 for i in range(5) if i]",
    "match x:\n    case [1, *r]:\n        pass\n    case {'a': 1}:\n        pass",
    "async def g():\n    await h()",
    "a = (1,)\nb = ()\nc = -(-1)\nd = not (a and b)",
]
for s in srcs:
    print(ast.unparse(ast.parse(s)))
    print("--")

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)
    def visit_FunctionDef(self, node):
        self.names.append("def " + node.name)
        self.generic_visit(node)

c = Counter()
c.visit(ast.parse("def f(x):\n    return y + x\nz = f(w)"))
print(c.names)

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
    def visit_Pass(self, node):
        return None

tree = Doubler().visit(ast.parse("x = 1 + 2\nif x:\n    pass\n    y = 3"))
print(ast.unparse(tree))
print(ast.dump(tree, include_attributes=True))

print(sorted(type(n).__name__ for n in ast.walk(ast.parse("a.b(c)"))))
m = ast.parse('"""Module doc."""\ndef f():\n    """  Indented\n    doc.\n    """')
# (clean=True imports inspect)
print(repr(ast.get_docstring(m, clean=False)), repr(ast.get_docstring(m.body[1], clean=False)))
src = "x = 1\ny = foo(a,\n        b)\n"
t = ast.parse(src)
print(repr(ast.get_source_segment(src, t.body[1].value)))
print(repr(ast.get_source_segment(src, t.body[1].value, padded=True)))
n = ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("x", ast.Load())))
ast.fix_missing_locations(n)
print(ast.dump(n, include_attributes=True))
t = ast.parse("a\nb")
ast.increment_lineno(t, 10)
print([(s.lineno, s.end_lineno) for s in t.body])
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.Name("x", ast.Load()))])
print([type(c).__name__ for c in ast.iter_child_nodes(ast.parse("a + b").body[0].value)])
