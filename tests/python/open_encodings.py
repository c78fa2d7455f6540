# Text encodings: utf-8 (and its aliases), utf-8-sig, latin-1, ascii;
# the error handlers on reading and writing; UnicodeDecodeError details.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_encodings")
p = tmp.path("enc.txt")


def raw(path):
    with open(path, "rb") as f:
        return f.read()


text = "caf\xe9 na\xefve \u20ac \u2603 \U0001d11e"
for enc in ["utf-8", "UTF-8", "utf8", "U8", "utf_8", "latin-1", "latin1", "iso-8859-1",
            "ascii", "us-ascii", "utf-8-sig"]:
    try:
        with open(p, "w", encoding=enc) as f:
            print(enc, f.encoding, f.errors, f.write(text))
    except UnicodeEncodeError as e:
        print(enc, "encode error", e.encoding, e.start, e.end, e.reason)
        continue
    print("  ", raw(p))
    with open(p, encoding=enc) as f:
        print("  ", f.read() == text)

# Encode errors with handlers.
for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    for enc in ["ascii", "latin-1"]:
        try:
            with open(p, "w", encoding=enc, errors=errors) as f:
                f.write("a\xe9b\u20ac\U0001d11ec")
            print(errors, enc, raw(p))
        except UnicodeEncodeError as e:
            print(errors, enc, "error", e.encoding, e.object, e.start, e.end, e.reason)

# Decode errors with handlers.
bad = b"ok \xff\xfe utf8 \xe9t\xe9 \xe2\x82 end \xf0\x9f\x98"
with open(p, "wb") as f:
    f.write(bad)
for errors in ["strict", "ignore", "replace", "backslashreplace"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        try:
            with open(p, encoding=enc, errors=errors) as f:
                print(errors, enc, repr(f.read()))
        except UnicodeDecodeError as e:
            print(errors, enc, "error:", e)
            print("  ", e.encoding, e.start, e.end, e.reason, len(e.object))

# Truncated sequence at the very end.
with open(p, "wb") as f:
    f.write(b"abc\xe2\x82")
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print(e)
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))

# Invalid continuation and start bytes.
for data in [b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xf0\x28\x8c\xbc", b"\xed\xa0\x80",
             b"\xc0\xaf", b"\xf5\x80\x80\x80", b"x\xc3"]:
    with open(p, "wb") as f:
        f.write(data)
    try:
        with open(p, encoding="utf-8") as f:
            print(data, repr(f.read()))
    except UnicodeDecodeError as e:
        print(data, e)
    with open(p, encoding="utf-8", errors="replace") as f:
        print("  replace:", repr(f.read()))

# utf-8-sig: the BOM is written once, at the start, and skipped on reading.
with open(p, "w", encoding="utf-8-sig") as f:
    f.write("a")
    f.write("b")
print(raw(p))
with open(p, "a", encoding="utf-8-sig") as f:
    f.write("c")
print(raw(p))
with open(p, encoding="utf-8-sig") as f:
    print(repr(f.read()))
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
with open(p, "wb") as f:
    f.write(b"no bom")
with open(p, encoding="utf-8-sig") as f:
    print(repr(f.read()))

# An unknown error handler is reported when it is needed.
with open(p, "wb") as f:
    f.write(b"plain")
with open(p, encoding="ascii", errors="no-such-handler") as f:
    print(repr(f.read()), f.errors)
with open(p, "wb") as f:
    f.write(b"\xff")
try:
    with open(p, encoding="ascii", errors="no-such-handler") as f:
        f.read()
except LookupError as e:
    print("LookupError", e)

tmp.cleanup()
