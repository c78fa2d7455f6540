# raise SystemExit(0) from deep inside: status 0, nothing on stderr; an
# `except Exception` does not catch it.

def deep(n):
    if n == 0:
        raise SystemExit(0)
    return deep(n - 1)

try:
    deep(5)
except Exception:
    print("must not be caught by except Exception")
finally:
    print("cleanup before exit")
print("unreachable")
