# gc-stress: 20
# base64: b64/urlsafe/standard encodings, b32 (and hex), b16, b85, a85
# with options, encodebytes/decodebytes, validation and padding errors.
import base64
import binascii

data = b"The quick brown fox \x00\xff\xfe jumps"
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.standard_b64encode, base64.standard_b64decode), (base64.b32encode, base64.b32decode),
                 (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode),
                 (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode)]:
    e = enc(data)
    print(enc.__name__, e, dec(e) == data)
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars=b"-_"), base64.b64decode("aGk="))
print(base64.b64decode(b"aG k=\n"), base64.b64encode(b""), base64.b64decode(b""), base64.b16decode(b"abcd", casefold=True))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
print(base64.a85encode(b"hello world", foldspaces=True, wrapcol=8, adobe=True), base64.a85encode(b"    "), base64.a85decode(b"<~BOu!rD]j7BEbo7~>", adobe=True))
print(base64.b85encode(b"\x00" * 5, pad=True), base64.b32encode(b"a"), base64.b32decode(b"ME======"), base64.b32decode(b"me======", casefold=True))
print(base64.b32decode(b"M1======", map01=b"L") if False else base64.b32decode(b"MA======"))
for bad in [lambda: base64.b64decode(b"abc"), lambda: base64.b64decode(b"a$bc", validate=True), lambda: base64.b32decode(b"abc"),
            lambda: base64.b16decode(b"abc"), lambda: base64.b16decode(b"zz"), lambda: base64.b85decode(b"~~~~~"),
            lambda: base64.a85decode(b"xyz{"), lambda: base64.b64encode("str")]:
    try:
        print(bad())
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(base64.b64encode(bytearray(b"ba")), base64.b64encode(memoryview(b"mv")), base64.urlsafe_b64decode("_-8="))
