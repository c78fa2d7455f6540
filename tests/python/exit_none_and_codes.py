# SystemExit details: sys.exit() has code None; exiting with a caught and
# re-raised SystemExit(4); a status that is not an int or None is printed.
import sys

for arg in ((), (0,), (2,), ("text",), (None,), ([1, 2],)):
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(arg, "->", repr(e.code), e.args, isinstance(e, BaseException), isinstance(e, Exception))
try:
    raise SystemExit(4)
except SystemExit as e:
    print("re-raising", e.code)
    raise
