# A JSON-like serializer and pretty printer written by hand, plus a parser
# that reads the output back (round trip).

def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

def dumps(value, indent=None, level=0, sort_keys=False):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = "," if indent is not None else ", "
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("out of range float: %r" % value)
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [dumps(v, indent, level + 1, sort_keys) for v in value]
        return "[" + pad + (sep + pad).join(items) + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = sorted(value) if sort_keys else list(value)
        items = []
        for k in keys:
            if not isinstance(k, str):
                raise TypeError("keys must be str, not " + type(k).__name__)
            items.append(escape(k) + ": " + dumps(value[k], indent, level + 1, sort_keys))
        return "{" + pad + (sep + pad).join(items) + end + "}"
    raise TypeError("Object of type %s is not serializable" % type(value).__name__)

class Reader:
    def __init__(self, text):
        self.t = text
        self.i = 0
    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \n\t\r":
            self.i += 1
    def value(self):
        self.ws()
        c = self.t[self.i]
        if c == "{":
            self.i += 1
            d = {}
            self.ws()
            if self.t[self.i] == "}":
                self.i += 1
                return d
            while True:
                self.ws()
                k = self.string()
                self.ws()
                assert self.t[self.i] == ":", "colon expected at %d" % self.i
                self.i += 1
                d[k] = self.value()
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "}"
                self.i += 1
                return d
        if c == "[":
            self.i += 1
            out = []
            self.ws()
            if self.t[self.i] == "]":
                self.i += 1
                return out
            while True:
                out.append(self.value())
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "]"
                self.i += 1
                return out
        if c == '"':
            return self.string()
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.t.startswith(word, self.i):
                self.i += len(word)
                return val
        start = self.i
        while self.i < len(self.t) and self.t[self.i] in "+-0123456789.eE":
            self.i += 1
        num = self.t[start:self.i]
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    def string(self):
        assert self.t[self.i] == '"'
        self.i += 1
        out = []
        while self.t[self.i] != '"':
            ch = self.t[self.i]
            if ch == "\\":
                nxt = self.t[self.i + 1]
                if nxt == "u":
                    out.append(chr(int(self.t[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
                self.i += 2
            else:
                out.append(ch)
                self.i += 1
        self.i += 1
        return "".join(out)

doc = {
    "name": "ftpy",
    "version": [0, 1, 0],
    "threads": True,
    "gil": False,
    "license": None,
    "ratio": 0.1,
    "big": 2 ** 70,
    "nested": {"empty_list": [], "empty_dict": {}, "deep": [[1, [2, [3, {"four": 4.5e-7}]]]]},
    "text": 'quote " backslash \\ newline \n tab \t bell \x07 unicode é 🐍',
    "tuple": (1, "two"),
}
compact = dumps(doc)
print(compact)
pretty = dumps(doc, indent=2, sort_keys=True)
print(pretty)
back = Reader(pretty).value()
print(back == {**doc, "tuple": [1, "two"]}, back["text"] == doc["text"], back["big"], back["nested"]["deep"])
print(dumps([]), dumps({}), dumps(""), dumps([None, [None]]), dumps(-0.0), dumps(1e100), dumps({"a": {"b": {}}}, indent=4))
for bad in (float("nan"), {1: "int key"}, {"s": {1, 2}}, object):
    try:
        dumps(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(Reader('  {"a" : [1, 2.5, -3e2, "x\\u0041y"], "b": {"c": null}}  ').value())
