# The built-in exception hierarchy: every class, its base, its module,
# that the builtins module holds it, and default args/str/repr.
import builtins

names = sorted(n for n in dir(builtins)
               if isinstance(getattr(builtins, n), type)
               and issubclass(getattr(builtins, n), BaseException))
print(len(names))
for n in names:
    cls = getattr(builtins, n)
    bases = ", ".join(b.__name__ for b in cls.__bases__)
    print(f"{n}({bases}) mro={len(cls.__mro__)} module={cls.__module__}")

print(EnvironmentError is OSError, IOError is OSError)


def tree(cls, depth=0):
    print("  " * depth + cls.__name__)
    for sub in sorted(cls.__subclasses__(), key=lambda c: c.__name__):
        if sub.__module__ == "builtins":
            tree(sub, depth + 1)


tree(BaseException)

for n in names:
    cls = getattr(builtins, n)
    if issubclass(cls, BaseExceptionGroup):
        continue
    try:
        e0 = cls()
        e1 = cls("one")
        e2 = cls("a", 2)
    except Exception as err:
        print(n, "construct failed:", type(err).__name__, err)
        continue
    print(n, repr(e0), str(e0) == "", repr(e1), str(e1), repr(e2), str(e2))
