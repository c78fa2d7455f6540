# UTF-16 and UTF-32: BOMs, byte orders, surrogate pairs, errors.
from _helper_check import t

for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "UTF16", "utf_32_be"):
    t(enc, lambda: "aé€😀".encode(enc))
    t(enc + " rt", lambda: "aé€😀".encode(enc).decode(enc))
t("bom le", lambda: b"\xff\xfea\x00".decode("utf-16"))
t("bom be", lambda: b"\xfe\xff\x00a".decode("utf-16"))
t("no bom", lambda: b"a\x00".decode("utf-16"))
t("bom32", lambda: [b"\xff\xfe\x00\x00a\x00\x00\x00".decode("utf-32"), b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32")])
t("pair", lambda: b"=\xd8\x00\xde".decode("utf-16-le"))


def err(b, enc, h="strict"):
    try:
        return repr(b.decode(enc, h))
    except UnicodeDecodeError as e:
        return "%s (%d, %d)" % (e, e.start, e.end)


for b in [b"\x00", b"a\x00b", b"\x00\xd8", b"\x00\xd8a\x00", b"\x00\xdca\x00", b"\x00\xd8\x00", b"\xff\xfe\x00"]:
    for h in ("strict", "replace", "ignore", "surrogatepass", "backslashreplace"):
        print("16", b, h, err(b, "utf-16-le", h), err(b, "utf-16", h))
for b in [b"\x00\x00\xd8\x00", b"\x00\x00\x11\x00", b"a\x00\x00", b"a\x00\x00\x00b"]:
    for h in ("strict", "replace", "surrogatepass"):
        print("32", b, h, err(b, "utf-32-le", h), err(b, "utf-32-be", h))


def enc_err(s, enc, h="strict"):
    try:
        return repr(s.encode(enc, h))
    except UnicodeEncodeError as e:
        return "%s (%d, %d)" % (e, e.start, e.end)


for s in ["\ud800", "a\ud800\udc00b", "\udc80"]:
    for enc in ("utf-16", "utf-16-be", "utf-32-le"):
        for h in ("strict", "replace", "ignore", "surrogatepass", "backslashreplace", "xmlcharrefreplace", "surrogateescape"):
            print(repr(s), enc, h, enc_err(s, enc, h))
