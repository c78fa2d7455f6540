# Charmap codecs from the encodings package and the charmap primitives.
import codecs
from _helper_check import t

for enc in ["cp1252", "cp437", "cp850", "iso8859_2", "mac_roman", "koi8_u", "cp1251"]:
    text = "Aé€ß"
    t(enc, lambda: text.encode(enc, "replace"))
    t(enc + " back", lambda: text.encode(enc, "replace").decode(enc))
    t(enc + " xml", lambda: "\u4e2d".encode(enc, "xmlcharrefreplace"))
    t(enc + " backslash", lambda: "\u4e2dx".encode(enc, "backslashreplace"))
t("strict run", lambda: "a\u4e2d\u4e2db".encode("cp1252"))
t("decode undefined", lambda: b"\x81\x8d".decode("cp1252", "backslashreplace"))
table = codecs.charmap_build("abc")
t("build", lambda: [codecs.charmap_encode("cab", "strict", table), codecs.charmap_decode(b"\x02\x01", "strict", "abc")])
t("decode fffe", lambda: codecs.charmap_decode(b"\x00\x01", "replace", "a\ufffe"))
t("decode short table", lambda: codecs.charmap_decode(b"\x05", "strict", "ab"))
t("decode dict big", lambda: codecs.charmap_decode(b"\x00", "strict", {0: 0x110000}))
t("decode dict str", lambda: codecs.charmap_decode(b"\x00\x01", "strict", {0: "xy", 1: 0x263a}))
t("decode dict bad", lambda: codecs.charmap_decode(b"\x00", "strict", {0: 1.5}))
t("encode dict bad", lambda: codecs.charmap_encode("a", "strict", {97: 300}))
t("encode dict bad type", lambda: codecs.charmap_encode("a", "strict", {97: "x"}))
t("encode replace unmapped ?", lambda: codecs.charmap_encode("ab", "replace", {97: 65}))
t("no mapping", lambda: [codecs.charmap_decode(b"\xe9"), codecs.charmap_encode("\xe9")])
