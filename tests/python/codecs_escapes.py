# unicode_escape and raw_unicode_escape, both directions.
from _helper_check import t

text = "a'\"\\\t\n\r\x00\x7f\xe9\u1234\U0001f600\ud800"
t("ue enc", lambda: text.encode("unicode_escape"))
t("rue enc", lambda: text.encode("raw_unicode_escape"))
t("ue rt", lambda: text.encode("unicode_escape").decode("unicode_escape") == text)
t("rue rt", lambda: text.encode("raw_unicode_escape").decode("raw_unicode_escape") == text)
for b in [b"\\n\\t\\\\\\'\\\"", b"\\a\\b\\f\\v\\0\\101\\1234", b"\\x41\\u00e9\\U0001F600", b"\\\nx",
          b"\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{DIGIT ONE}", b"\xe9\xff", b"\\x4", b"\\x4g", b"\\u12",
          b"\\U0011ffff", b"ab\\", b"\\N", b"\\N{", b"\\N{}", b"\\N{NO SUCH NAME}", b"\\Nx"]:
    for h in ("strict", "replace", "ignore", "backslashreplace"):
        t("ue %r %s" % (b, h), lambda: b.decode("unicode_escape", h))
for b in [b"\\u0041", b"\\\\u0041", b"\\\\\\u0041", b"\\x41", b"\\U0001f600", b"\\u12", b"\\U00110000", b"\\", b"\xff\\u00e9"]:
    for h in ("strict", "replace"):
        t("rue %r %s" % (b, h), lambda: b.decode("raw_unicode_escape", h))
