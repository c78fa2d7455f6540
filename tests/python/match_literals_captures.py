# match: literal, capture, wildcard, value (dotted name), group and or
# patterns, guards, as-patterns; which case wins; the subject evaluated
# once; names bound by a failed case.
import sys


class Color:
    RED = "red"
    GREEN = "green"


class Config:
    class Level:
        HIGH = 3


def describe(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -3 + 4j:
            return "complex literal"
        case "hello" | b"bytes":
            return "greeting or bytes"
        case "con" "cat":
            return "concatenated literal"
        case Color.RED:
            return "value pattern red"
        case Config.Level.HIGH:
            return "nested value"
        case (4):
            return "group pattern"
        case str() as s if len(s) > 10:
            return f"long string {s[:5]}..."
        case int(n) if n > 100:
            return f"big int {n}"
        case [*_] as seq if not seq:
            return "empty sequence"
        case _:
            return f"something else: {x!r}"


for v in [None, True, False, 0, 1, 3, -1, 1.5, 2j, -3 + 4j, "hello", b"bytes", "concat",
          "red", 3.0, 1.0, 4, "a long string here", 500, [], (), "green", 99, 0.0, {}]:
    print(repr(v), "->", describe(v))

# True/1 and False/0: literals True/False/None compare by identity
match 1:
    case True:
        print("1 matched True")
    case 1:
        print("1 matched 1")
match 0.0:
    case False:
        print("0.0 matched False")
    case 0:
        print("0.0 matched 0")

# capture binds, wildcard does not
match [1, 2]:
    case [first, _]:
        print("first:", first)
try:
    _
except NameError:
    print("_ is not bound")

# or-pattern alternatives binding the same names
for point in [(1, 0), (0, 2), (3, 3)]:
    match point:
        case (x, 0) | (0, x):
            print("on an axis at", x)
        case (x, y) as pair if x == y:
            print("diagonal", pair)

# guard sees the captures; a failed guard moves on to the next case
calls = []


def check(v):
    calls.append(v)
    return v > 5


for n in [3, 7]:
    match n:
        case k if check(k):
            print("guard passed", k)
        case k:
            print("fallback", k)
print("guard calls:", calls)

# the subject is evaluated once
count = 0


def subject():
    global count
    count += 1
    return 42


match subject():
    case 1:
        pass
    case 2:
        pass
    case 42:
        print("matched after", count, "evaluation")

# a case that fails part way binds nothing here
match (1, 2):
    case (a, 3):
        print("no")
    case _:
        print("a bound after failed case:", "a" in globals())

# value patterns compare with ==
class Weird:
    def __eq__(self, other):
        print("  __eq__ called with", other)
        return other == "anything"


class Holder:
    w = Weird()


match "anything":
    case Holder.w:
        print("Weird matched")

# match as a soft keyword
match = 5
case = 6
print(match, case)
match (match, case):
    case (5, 6):
        print("soft keywords work")
