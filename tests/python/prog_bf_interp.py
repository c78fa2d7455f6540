# An interpreter for a tiny esoteric language (8 commands, a tape of byte
# cells): bracket matching with error reporting, a step limit, programs that
# print text and compute numbers.

class BFError(Exception):
    pass

def match_brackets(code):
    stack, pairs = [], {}
    for i, ch in enumerate(code):
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            if not stack:
                raise BFError("unmatched ] at %d" % i)
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    if stack:
        raise BFError("unmatched [ at %d" % stack[-1])
    return pairs

def run(code, inp="", limit=200000):
    code = [c for c in code if c in "+-<>[].,"]
    pairs = match_brackets(code)
    tape = [0] * 64
    ptr = pc = steps = 0
    out = []
    inp = list(inp)
    while pc < len(code):
        steps += 1
        if steps > limit:
            raise BFError("step limit reached after %d output chars" % len(out))
        c = code[pc]
        if c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ">":
            ptr += 1
            if ptr == len(tape):
                tape.extend([0] * len(tape))
        elif c == "<":
            if ptr == 0:
                raise BFError("pointer moved left of cell 0 at pc %d" % pc)
            ptr -= 1
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            tape[ptr] = ord(inp.pop(0)) if inp else 0
        elif c == "[" and tape[ptr] == 0:
            pc = pairs[pc]
        elif c == "]" and tape[ptr] != 0:
            pc = pairs[pc]
        pc += 1
    return "".join(out), steps, len(tape)

hello = ("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.")
text, steps, cells = run(hello)
print(repr(text), steps, cells)
rev = ">,[>,]<[.<]"
print(run(rev, "stressed"))
upper = ",[>++++[<-------->-]<.,]"
print(run(upper, "abcxyz")[0])
add = ",>,[<+>-]<------------------------------------------------."
print(run(add, "34"))
wrap = "-."
print([ord(c) for c in run(wrap)[0]])
for bad in ["[[]", "[]]", "<", "+[]", "+[>+]"]:
    try:
        print(run(bad, limit=5000))
    except BFError as e:
        print("BFError:", e)
mul = "+++++[>+++++++<-]>."
print([ord(c) for c in run(mul)[0]], run(mul)[1])
