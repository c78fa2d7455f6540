# print(): sep, end, multiple arguments, no arguments, objects with
# __str__, flush; sys.stdout.write; interleaving of the two.
import sys

print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued")
print("x", end="!\n")
print(1, 2.5, None, True, [1, "s"], (1,), {"k": "v"}, sep=" | ")
print("multi\nline", "text")
print("", "")
print(" ", end="")
print(sep="-")
print("only end", end="\n\n")
print("a", "b", sep=None, end=None)
print("tab\tseparated", "x", sep="\t")
print(*range(5))
print(*[], sep="x")
print("unicode: é ü 日本 🐍", "\u00e9")
print(repr("quoted"), str("plain"))
r = sys.stdout.write("written directly\n")
print("write returned", r)
sys.stdout.write("no newline from write")
sys.stdout.write("\n")
print("flush", flush=True)
class S:
    def __str__(self):
        return "S-object"
print(S(), [S()].__len__(), f"{S()}")
for i in range(3):
    print(i, end=" ")
print()
for i in range(3):
    print(i, i * i, sep=":", end=";")
print()
print("%d%%" % 50, "{}%".format(50), f"{50}%")
print("\\backslash", "\"quote\"", '\'single\'')
print("a" "b" "c", "x" + "y")
lines = ["first", "second", "third"]
print("\n".join(lines))
print(*lines, sep="\n")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError:", e)
print(len("written directly\n"), sys.stdout.write(""))
print("done", end="")
print()
