# Attributes and str() of built-in exceptions: OSError (errno mapping to
# subclasses, strerror, filename, filename2, winerror-free args),
# UnicodeError family, SyntaxError fields, KeyError str, StopIteration
# value, SystemExit code, ImportError name/path/msg, NameError and
# AttributeError name/obj, BlockingIOError characters_written.


def show(label, f):
    try:
        e = f()
    except Exception as err:
        print(label, "->", type(err).__name__, err)
        return None
    print(label, "->", type(e).__name__, repr(e), "|", str(e))
    return e


# OSError and its errno mapping
for args in [(), ("msg",), (2, "No such file"), (2, "No such file", "a.txt"),
             (13, "Denied", "f", None, "g"), (17, "Exists", "x", 0, "y"), (1, "x", "f", 5),
             (4,), (11, "again"), (32, "pipe"), (104, "reset"), (110, "timeout"),
             (999, "unknown"), ("2", "str errno"), (2, "a", "b", "c", "d", "e")]:
    e = show(f"OSError{args}", lambda: OSError(*args))
    if e is not None:
        print("   errno", e.errno, "strerror", e.strerror, "filename", e.filename,
              "filename2", e.filename2, "args", e.args)
e = FileNotFoundError(2, "gone", "p")
print(type(e).__name__, e.errno, e.filename, str(e))
e = FileNotFoundError("only message")
print(e.errno, e.strerror, str(e))
e = OSError(2, "x")
e.errno = 99
e.strerror = "changed"
e.filename = "n"
print(str(e), e.args)
print(sorted(vars(OSError(2, "x", "f")).items()))
b = BlockingIOError(11, "would block", 5)
print(b.characters_written, b.filename, str(b))
try:
    BlockingIOError(11, "x").characters_written
except AttributeError as err:
    print("AttributeError:", err)

# KeyError and friends
print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), str(KeyError(None)),
      str(LookupError("k")), str(IndexError("i")))

# StopIteration / StopAsyncIteration / SystemExit
for args in [(), (1,), (1, 2), (None,)]:
    print("StopIteration", args, StopIteration(*args).value, "SystemExit", SystemExit(*args).code)
s = StopIteration(5)
s.value = 6
print(s.value, s.args)

# ImportError
e = ImportError("msg", name="mod", path="/p")
print(e.msg, e.name, e.path, str(e), e.args)
e = ImportError("a", "b")
print(e.msg, e.name, e.path, str(e))
e = ModuleNotFoundError("No module named 'x'", name="x")
print(e.name, e.msg, str(e))
show("ImportError(bad kw)", lambda: ImportError("x", nm=1))

# NameError / AttributeError
e = NameError("n", name="abc")
print(e.name, str(e))
print(NameError("n").name)
e = AttributeError("a", name="attr", obj=5)
print(e.name, e.obj, str(e))
show("AttributeError(bad kw)", lambda: AttributeError("x", nm=1))

# SyntaxError fields
e = SyntaxError("bad", ("file.py", 3, 7, "x = (", 3, 9))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset,
      e.print_file_and_line, str(e), e.args)
e = SyntaxError("only msg")
print(e.msg, e.filename, e.lineno, str(e))
e = SyntaxError("m", ("/a/b/c.py", None, None, None))
print(str(e))
e = SyntaxError("m", ("f.py", 5, None, None))
print(str(e))
show("SyntaxError bad info", lambda: SyntaxError("m", 5))
show("SyntaxError short info", lambda: SyntaxError("m", ("f", 1)))
show("SyntaxError end_lineno only", lambda: SyntaxError("m", ("f", 1, 2, "t", 3)))
show("SyntaxError 3 args", lambda: SyntaxError("a", "b", "c"))
show("IndentationError", lambda: IndentationError("unexpected", ("f.py", 2, 1, " x\n")))

# Unicode errors
e = show("UnicodeDecodeError", lambda: UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte"))
print("  ", e.encoding, e.object, e.start, e.end, e.reason)
show("UnicodeDecodeError range", lambda: UnicodeDecodeError("utf-8", b"abc\xff\xfe", 3, 5, "bad"))
show("UnicodeDecodeError bytearray", lambda: UnicodeDecodeError("ascii", bytearray(b"\x80"), 0, 1, "r"))
show("UnicodeEncodeError", lambda: UnicodeEncodeError("ascii", "caf\xe9", 3, 4, "ordinal not in range(128)"))
show("UnicodeEncodeError wide", lambda: UnicodeEncodeError("latin-1", "\u20ac\U0001f600", 0, 1, "r"))
show("UnicodeEncodeError astral", lambda: UnicodeEncodeError("latin-1", "\U0001f600", 0, 1, "r"))
show("UnicodeEncodeError range", lambda: UnicodeEncodeError("ascii", "\xe9\xe9\xe9", 0, 3, "r"))
show("UnicodeTranslateError", lambda: UnicodeTranslateError("\xe9", 0, 1, "no mapping"))
show("UnicodeTranslateError range", lambda: UnicodeTranslateError("abc", 0, 2, "no"))
show("UnicodeDecodeError no args", lambda: UnicodeDecodeError())
show("UnicodeDecodeError bad types", lambda: UnicodeDecodeError(1, b"", 0, 1, "r"))
show("UnicodeEncodeError bad object", lambda: UnicodeEncodeError("a", b"x", 0, 1, "r"))
show("UnicodeDecodeError str start", lambda: UnicodeDecodeError("a", b"x", "0", 1, "r"))
show("UnicodeError plain", lambda: UnicodeError("plain", 1))
e = UnicodeEncodeError("ascii", "\xe9", 0, 1, "r")
e.reason = "changed"
e.start = 5
print(str(e), e.start)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print(err.encoding, err.object, err.start, err.end, err.reason, str(err))

# exceptions with keyword arguments they do not take
for cls in [ValueError, OSError, KeyError, StopIteration, SystemExit]:
    show(f"{cls.__name__}(x=1)", lambda: cls(x=1))

# args is always a tuple; it can be replaced
e = ValueError(1, 2)
e.args = [3]
print(e.args, str(e), repr(e))
e.args = "ab"
print(e.args)
try:
    del e.args
except TypeError as err:
    print("TypeError:", err)
print(repr(ValueError("x").__reduce__()))
print(ValueError("a", 1).__reduce__())
