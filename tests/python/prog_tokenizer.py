# A hand-written tokenizer and recursive-descent parser/evaluator for
# arithmetic with variables, functions and error reporting.

class Token:
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return "%s:%r@%d" % (self.kind, self.text, self.pos)

class LexError(Exception):
    pass

class ParseError(Exception):
    pass

OPERATORS = {"+", "-", "*", "/", "%", "^", "(", ")", ",", "="}

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            start = i
            seen_dot = False
            while i < len(src) and (src[i].isdigit() or (src[i] == "." and not seen_dot)):
                seen_dot = seen_dot or src[i] == "."
                i += 1
            tokens.append(Token("num", src[start:i], start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(Token("name", src[start:i], start))
        elif ch in OPERATORS:
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise LexError("unexpected character %r at %d" % (ch, i))
    tokens.append(Token("end", "", len(src)))
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0
    def peek(self):
        return self.tokens[self.i]
    def take(self, kind=None, text=None):
        tok = self.tokens[self.i]
        if (kind and tok.kind != kind) or (text and tok.text != text):
            raise ParseError("expected %s at %d, found %r" % (text or kind, tok.pos, tok.text or "end"))
        self.i += 1
        return tok
    def statement(self):
        if self.peek().kind == "name" and self.tokens[self.i + 1].text == "=":
            name = self.take("name").text
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            node = (op, node, self.factor())
        return node
    def factor(self):
        if self.peek().text == "-":
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek().text == "^":
            self.take()
            return ("^", base, self.factor())
        return base
    def atom(self):
        tok = self.peek()
        if tok.kind == "num":
            self.take()
            return ("num", float(tok.text) if "." in tok.text else int(tok.text))
        if tok.kind == "name":
            self.take()
            if self.peek().text == "(":
                self.take()
                args = []
                if self.peek().text != ")":
                    args.append(self.expr())
                    while self.peek().text == ",":
                        self.take()
                        args.append(self.expr())
                self.take("op", ")")
                return ("call", tok.text, args)
            return ("var", tok.text)
        if tok.text == "(":
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise ParseError("unexpected %r at %d" % (tok.text or "end", tok.pos))

FUNCS = {"max": max, "min": min, "abs": abs, "sum": lambda *a: sum(a)}

def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError("undefined variable " + node[1])
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    if kind == "/":
        return a / b
    if kind == "%":
        return a % b
    if kind == "^":
        return a ** b
    raise ValueError(kind)

def show(node):
    if node[0] == "num":
        return str(node[1])
    if node[0] == "var":
        return node[1]
    if node[0] == "neg":
        return "(-%s)" % show(node[1])
    if node[0] == "assign":
        return "%s := %s" % (node[1], show(node[2]))
    if node[0] == "call":
        return "%s(%s)" % (node[1], ", ".join(show(a) for a in node[2]))
    return "(%s %s %s)" % (show(node[1]), node[0], show(node[2]))

print(tokenize("x1 = 3.5 * (y_2 + 10)"))
env = {}
programs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 - -3", "x = 7", "y = x * 2 + 1",
            "max(x, y, 3) - min(1, 2)", "abs(-x) + sum(1, 2, 3, 4)", "big = 2 ^ 100", "big % 1000007", "1.5 + .25",
            "z + 1", "(1 + 2", "1 + * 2", "3 $ 4", "8 / (x - 7)", "max()", "sum()", ")", "a = b = 1"]
for src in programs:
    try:
        tree = Parser(tokenize(src)).statement()
        print("%-26s %-40s => %r" % (src, show(tree), evaluate(tree, env)))
    except (LexError, ParseError) as e:
        print("%-26s %s: %s" % (src, type(e).__name__, e))
    except (NameError, ZeroDivisionError, ValueError, TypeError) as e:
        print("%-26s runtime %s: %s" % (src, type(e).__name__, e))
print(sorted(env.items()))
