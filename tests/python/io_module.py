# The _io module's namespace: classes, open (the builtin), open_code,
# text_encoding, DEFAULT_BUFFER_SIZE, UnsupportedOperation (an OSError and
# a ValueError), BlockingIOError.
import _io
import builtins

print(_io.open is builtins.open, _io.open.__name__, _io.DEFAULT_BUFFER_SIZE)
print(_io.BlockingIOError is BlockingIOError)
U = _io.UnsupportedOperation
print(U.__name__, U.__module__, [c.__name__ for c in U.__mro__])
print(issubclass(U, OSError), issubclass(U, ValueError))
for catch in [OSError, ValueError, U]:
    try:
        _io.BytesIO().fileno()
    except catch as e:
        print("caught as", catch.__name__, type(e).__name__, e.args)
print(U("x").args, str(U("msg")), repr(U("msg")))
print(_io.text_encoding(None), _io.text_encoding("latin-1"), _io.text_encoding("x", 3))
try:
    _io.text_encoding()
except TypeError as e:
    print("TypeError", e)
for name in ["FileIO", "BytesIO", "StringIO", "BufferedReader", "BufferedWriter",
             "BufferedRandom", "BufferedRWPair", "TextIOWrapper", "IncrementalNewlineDecoder",
             "_IOBase", "_RawIOBase", "_BufferedIOBase", "_TextIOBase"]:
    cls = getattr(_io, name)
    print(name, cls.__module__, cls.__qualname__, repr(cls), cls.__base__.__name__)
print(repr(_io.open), type(_io.open).__name__)
try:
    _io.open_code(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    _io.open_code("/nonexistent/file/for/open_code")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print(callable(_io.open), isinstance(_io.StringIO(), _io._IOBase))
print(sorted(n for n in dir(_io) if not n.startswith("__")))
