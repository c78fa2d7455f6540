# dis and opcode import; _opcode.stack_effect for CPython's opcode numbers
# of instructions ftpy shares; dis.Bytecode/dis.dis do not crash (ftpy's
# bytecode differs from CPython's, so only the shape is printed).
import dis
import opcode

for name, arg in [("POP_TOP", None), ("LOAD_CONST", 0), ("BUILD_LIST", 3), ("BUILD_MAP", 2),
                  ("CALL", 2), ("STORE_FAST", 1), ("BINARY_OP", 0), ("UNPACK_SEQUENCE", 3),
                  ("COMPARE_OP", 2), ("RETURN_VALUE", None), ("BUILD_SLICE", 3)]:
    op = opcode.opmap[name]
    print(name, dis.stack_effect(op, arg) if arg is not None else dis.stack_effect(op))
print(dis.stack_effect(opcode.opmap["POP_JUMP_FORWARD_IF_TRUE"], 5, jump=True),
      dis.stack_effect(opcode.opmap["POP_JUMP_FORWARD_IF_TRUE"], 5, jump=False))
for args, kw in [((1, 5), {}), ((100,), {}), ((1,), {"jump": 3})]:
    try:
        dis.stack_effect(*args, **kw)
    except ValueError as e:
        print("ValueError:", e)
print("stack_effect" in opcode.__all__, opcode.HAVE_ARGUMENT)
print(dis.COMPILER_FLAG_NAMES[32], dis.pretty_flags(3))
