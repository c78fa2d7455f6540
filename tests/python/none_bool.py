# None and bool: identity, truthiness, arithmetic on bools, reprs.

print(None)
print(repr(None), str(None), type(None).__name__)
print(None is None, None == None, None != None)
print(None == 0, None == False, None == "")
print(bool(None), not None)

print(True, False)
print(repr(True), str(False), type(True).__name__)
print(True + True, True * 10, False - True, -True, ~True, ~False)
print(True / 2, True // 2, True % 2, True ** 5)
print(True == 1, False == 0, True is True, True == 1.0)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(int(True), float(False), str(True) + "!")
print(True & False, True | False, True ^ True, True ^ False)
print(type(True & False).__name__, type(True + False).__name__, type(True & 1).__name__)
print(hash(True) == hash(1), hash(False) == hash(0))
print(True > False, False < 1, max(True, 0), min(False, -1))
print(sum([True, True, False, True]))
print([1, 2, 3][True], "ab"[False])

values = [None, False, True, 0, 1, -1, 0.0, -0.0, 0.5, "", "0", " ", [], [0], (), (None,), {}, {0: 0}, set(), range(0), range(1)]
for v in values:
    print(repr(v), "->", bool(v), "not:", not v)

# and / or return operands, not bools
print(0 or "x", "" or 0, 1 and "y", 0 and 1 / 0, None or None)
print([] or [1], [2] or [3], 5 and 0, "a" and "b" and "c", "a" and "" and "c")
print(None or False or 0 or "" or "last")
print((1 and None) is None)

# short circuit must not evaluate
calls = []
def t(x):
    calls.append(x)
    return x
print(t(0) and t(1), calls)
calls.clear()
print(t(2) or t(3), calls)
calls.clear()
print(t(0) or t("") or t(4) or t(5), calls)

# not binds weaker than comparisons
print(not 1 == 2, not (1 == 2), (not 1) == 2)
print(not not 7, not not [])

# bool() of user objects
class NoBool:
    pass
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class WithBool:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(NoBool()), bool(WithLen(0)), bool(WithLen(3)), bool(WithBool()))
if not WithLen(0):
    print("empty WithLen is falsy")
while WithLen(0):
    print("never")
print(bool(0j), bool(1j))
print(True.real, True.imag, False.numerator, True.denominator)
print(True.bit_length(), (5).bit_length())
print(f"{True}", f"{False!r}", f"{True:d}", f"{True:>6}", "%s %d" % (True, True))
print(str(True).upper(), "%r" % None)
