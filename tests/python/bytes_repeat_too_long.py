# Repeating bytes past the largest size: bytes reports OverflowError
# ("repeated bytes are too long") before allocating; bytearray, list and
# tuple fail with MemoryError; str with OverflowError.
def attempt(label, fn):
    try:
        r = fn()
    except (OverflowError, MemoryError) as e:
        print(label, type(e).__name__, repr(str(e)))
    else:
        print(label, "ok", len(r))

attempt("bytes * 2**62", lambda: b"ab" * 2**62)
attempt("2**62 * bytes", lambda: 2**62 * b"ab")
attempt("bytes * 2**63", lambda: b"a" * (2**63 - 1) * 2)
attempt("bytearray * 2**62", lambda: bytearray(b"ab") * 2**62)
attempt("str * 2**62", lambda: "ab" * 2**62)
attempt("list * 2**62", lambda: [1, 2] * 2**62)
attempt("tuple * 2**62", lambda: (1, 2) * 2**62)
attempt("bytes * 3", lambda: b"ab" * 3)
attempt("bytes * -1", lambda: b"ab" * -1)
try:
    b"ab" * 2**64
except OverflowError as e:
    print("index too big:", e)
