# gc-stress: 200
# warnings: warn with categories, filters (simplefilter, filterwarnings
# with message/module regexes), catch_warnings(record=True), the once /
# error / ignore actions, showwarning/formatwarning, warn_explicit.
import warnings


def show(ws):
    for w in ws:
        print(w.category.__name__, str(w.message), w.lineno > 0, w.filename.endswith(".py"))


with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("instance"))
    warnings.warn("rt", RuntimeWarning, stacklevel=2)
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    warnings.filterwarnings("always", message="keep.*")
    warnings.warn("keep this")
    warnings.warn("drop this")
show(ws)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised:", type(e).__name__, e)
    warnings.simplefilter("error", category=DeprecationWarning)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("only once")
    warnings.warn("other")
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("default action")
show(ws)


class MyWarning(UserWarning):
    pass


with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("ignore")
    warnings.simplefilter("always", MyWarning)
    warnings.warn("sub", MyWarning)
    warnings.warn("base", UserWarning)
show(ws)

print(warnings.formatwarning("msg", UserWarning, "file.py", 10, line="x = 1"))
print(repr(warnings.formatwarning("msg2", DeprecationWarning, "f.py", 3, line="")))

shown = []


def myshow(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno))


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = myshow
    warnings.warn("custom show")
    warnings.warn_explicit("explicit", SyntaxWarning, "mod.py", 42)
print(shown)

with warnings.catch_warnings(record=True) as ws:
    warnings.resetwarnings()
    warnings.simplefilter("always")
    def old():
        warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    old()
show(ws)
print(ws[0].lineno == old.__code__.co_firstlineno + 2 or ws[0].lineno)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(DeprecationWarning, Warning), warnings.WarningMessage.__name__)
