# A tiny stack-based virtual machine with an assembler: labels, jumps,
# calls, a data stack and a call stack; runs several small programs.

class VMError(Exception):
    pass

def assemble(source):
    code = []
    labels = {}
    for raw in source.strip().splitlines():
        line = raw.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        parts = line.split()
        op = parts[0].upper()
        arg = parts[1] if len(parts) > 1 else None
        if arg is not None and (arg.lstrip("-").isdigit()):
            arg = int(arg)
        code.append((op, arg))
    resolved = []
    for op, arg in code:
        if op in ("JMP", "JZ", "JNZ", "CALL") and isinstance(arg, str):
            if arg not in labels:
                raise VMError("unknown label " + arg)
            arg = labels[arg]
        resolved.append((op, arg))
    return resolved

def run(code, max_steps=100000, trace=False):
    stack, calls, out = [], [], []
    variables = {}
    pc = steps = 0
    def pop():
        if not stack:
            raise VMError("stack underflow at pc=%d" % pc)
        return stack.pop()
    while pc < len(code):
        steps += 1
        if steps > max_steps:
            raise VMError("step limit exceeded")
        op, arg = code[pc]
        if trace:
            print("   %3d %-5s %-6s %s" % (pc, op, "" if arg is None else arg, stack))
        pc += 1
        if op == "PUSH":
            stack.append(arg)
        elif op == "POP":
            pop()
        elif op == "DUP":
            v = pop()
            stack += [v, v]
        elif op == "SWAP":
            b, a = pop(), pop()
            stack += [b, a]
        elif op == "OVER":
            b, a = pop(), pop()
            stack += [a, b, a]
        elif op in ("ADD", "SUB", "MUL", "DIV", "MOD", "LT", "EQ"):
            b, a = pop(), pop()
            if op == "ADD":
                stack.append(a + b)
            elif op == "SUB":
                stack.append(a - b)
            elif op == "MUL":
                stack.append(a * b)
            elif op == "DIV":
                if b == 0:
                    raise VMError("division by zero at pc=%d" % (pc - 1))
                stack.append(a // b)
            elif op == "MOD":
                stack.append(a % b)
            elif op == "LT":
                stack.append(int(a < b))
            else:
                stack.append(int(a == b))
        elif op == "STORE":
            variables[arg] = pop()
        elif op == "LOAD":
            if arg not in variables:
                raise VMError("unset variable " + str(arg))
            stack.append(variables[arg])
        elif op == "JMP":
            pc = arg
        elif op == "JZ":
            if pop() == 0:
                pc = arg
        elif op == "JNZ":
            if pop() != 0:
                pc = arg
        elif op == "CALL":
            calls.append(pc)
            pc = arg
        elif op == "RET":
            if not calls:
                raise VMError("return with empty call stack")
            pc = calls.pop()
        elif op == "PRINT":
            out.append(pop())
        elif op == "HALT":
            break
        else:
            raise VMError("bad opcode %r" % op)
    return out, stack, steps

factorial = """
    push 1
    store acc
    push 20
    store n
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    halt
"""
print(run(assemble(factorial)))

fib = """
    push 0
    push 1
    push 15          ; counter
    store k
again:
    over
    print
    dup
    store t          ; a b -> b a+b
    add
    load t
    swap
    load k
    push 1
    sub
    dup
    store k
    jnz again
    halt
"""
out, stack, steps = run(assemble(fib))
print(out, stack, steps)

gcd_prog = """
    push 1071
    push 462
    call gcd
    print
    push 17
    push 5
    call gcd
    print
    halt
gcd:            ; (a b -- gcd)
    dup
    jz gcd_end
    dup
    store tmp
    mod
    load tmp
    swap
    jmp gcd
gcd_end:
    pop
    ret
"""
print(run(assemble(gcd_prog)))
print(run(assemble("push 2\npush 3\nadd\nprint"), trace=True))
for bad in ["add", "push 1\npush 0\ndiv", "jmp nowhere", "loop:\njmp loop", "ret", "load x", "frobnicate"]:
    try:
        print(run(assemble(bad), max_steps=1000))
    except VMError as e:
        print("VMError:", e)
primes = """
    push 2
    store n
next:
    load n
    push 60
    lt
    jz end
    push 2
    store d
check:
    load d
    load d
    mul
    load n
    swap
    lt
    jnz is_prime
    load n
    load d
    mod
    jz not_prime
    load d
    push 1
    add
    store d
    jmp check
is_prime:
    load n
    print
not_prime:
    load n
    push 1
    add
    store n
    jmp next
end:
"""
print(run(assemble(primes)))
