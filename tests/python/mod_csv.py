# gc-stress: 5
# The csv module over the native _csv: reading, writing, dialects,
# quoting, errors and their messages, field_size_limit, DictReader/DictWriter.
import csv
import _csv
import io


def t(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__module__, type(e).__name__, e)


# ---- reading ----
def rd(lines, **kw):
    return list(csv.reader(lines, **kw))

t("simple", rd, ["a,b,c", "1,2,3"])
t("quoted", rd, ['"a,b",c', '"x""y",z'])
t("newline in quotes", rd, ['a,"b\n', 'c",d\n'])
t("empty lines", rd, ["", "\n", "a\n", "\r\n"])
t("crlf", rd, ["a,b\r\n", "c,d\r\n"])
t("nul", rd, ["a\0b"])
t("quote in field", rd, ['a"b,c'])
t("after quote", rd, ['"a"b,c'])
t("strict after quote", rd, ['"a"b,c'], strict=True)
t("eof in quotes", rd, ['"ab'])
t("strict eof", rd, ['"ab'], strict=True)
t("cr in unquoted", rd, ["a\rb"])
t("bytes line", rd, [b"ab"])
t("not iterable", rd, 5)
t("skipinitialspace", rd, [" a,  b"], skipinitialspace=True)
t("no skip", rd, [" a,  b"])
t("escapechar", rd, ['a\\,b,"c\\"d"'], escapechar="\\")
t("escaped newline", rd, ["a\\\n", "b\n"], escapechar="\\")
t("delimiter", rd, ["a;b;c"], delimiter=";")
t("tab dialect", rd, ["a\tb"], dialect="excel-tab")
t("quote none", rd, ['"a",b'], quoting=csv.QUOTE_NONE)
t("nonnumeric", rd, ['1,"a",2.5,'], quoting=csv.QUOTE_NONNUMERIC)
t("nonnumeric bad", rd, ["abc"], quoting=csv.QUOTE_NONNUMERIC)
t("doublequote off", rd, ['"a""b"'], doublequote=False)
t("unicode", rd, ["é,ü,日本"])
t("quotechar", rd, ["'a,b',c"], quotechar="'")

r = csv.reader(["a,b\n", "c\n", '"d\n', 'e"\n'])
print(r.line_num, next(r), r.line_num, next(r), r.line_num, next(r), r.line_num)
print(r.dialect.delimiter, type(r).__name__, type(r).__module__)
t("reader 3 args", csv.reader, ["x"], "excel", 5)
t("reader no args", csv.reader)
t("reader bad kw", csv.reader, ["x"], foo=1)

# ---- field_size_limit ----
old = csv.field_size_limit()
print("limit", old, csv.field_size_limit(10), csv.field_size_limit())
t("too big", rd, ["a" * 11])
t("fits", rd, ["a" * 10])
csv.field_size_limit(old)
t("limit type", csv.field_size_limit, "a")
t("limit 2 args", csv.field_size_limit, 1, 2)
print("limit kw", csv.field_size_limit(new_limit=old))

# ---- writing ----
def wr(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    for row in rows:
        w.writerow(row)
    return s.getvalue()

t("write simple", wr, [["a", "b"], [1, 2.5, None, True]])
t("write specials", wr, [["a\rb", "c\nd", 'e"f', "x,y", ""]])
t("write empty field", wr, [[""], [], [None]])
t("write lf", wr, [["a\rb", "c\nd"]], lineterminator="\n")
t("write all", wr, [["a", 1, None]], quoting=csv.QUOTE_ALL)
t("write nonnumeric", wr, [[1, "a", None, True, 2.5]], quoting=csv.QUOTE_NONNUMERIC)
t("write none empty", wr, [[""]], quoting=csv.QUOTE_NONE)
t("write none delim", wr, [["a,b"]], quoting=csv.QUOTE_NONE)
t("write none escape", wr, [["a,b", 'a"b', "c\\d", "e\nf"]],
  quoting=csv.QUOTE_NONE, escapechar="\\")
t("write no doublequote", wr, [['a"b']], doublequote=False)
t("write escape quote", wr, [['a"b', "a\\b"]], doublequote=False, escapechar="\\")
t("write semicolon", wr, [["a;b", "c,d"]], delimiter=";")
t("write not iterable", wr, [5])
t("writer no write", csv.writer, 5)
s = io.StringIO()
w = csv.writer(s)
print("writerow returns", w.writerow(["abc", "d"]))
print("writerows returns", w.writerows([["1"], ["2", "3"]]))
print(repr(s.getvalue()))
t("writerows int", w.writerows, 5)
t("writerows [int]", w.writerows, [5])
print(type(w).__name__, w.dialect.lineterminator == "\r\n")

# ---- dialects ----
d = _csv.Dialect()
print(d.delimiter, d.doublequote, d.escapechar, repr(d.lineterminator),
      d.quotechar, d.quoting, d.skipinitialspace, d.strict)
try:
    d.delimiter = ";"
except AttributeError:
    print("read-only attribute")
for kw in [dict(delimiter=5), dict(delimiter="ab"), dict(delimiter=None),
           dict(quotechar=5), dict(quotechar="ab"),
           dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(escapechar=5),
           dict(lineterminator=5), dict(lineterminator=None), dict(quoting="x"),
           dict(quoting=9), dict(quoting=None), dict(foo=1)]:
    t("dialect %s" % sorted(kw), _csv.Dialect, **kw)
t("dialect unknown", _csv.Dialect, "nope")
print(_csv.Dialect(quotechar=None).quoting, _csv.Dialect(quoting=csv.QUOTE_NONE).quotechar)
print(_csv.Dialect(skipinitialspace=[]).skipinitialspace)
print(_csv.Dialect(d) is d, _csv.Dialect(d, delimiter=";").delimiter)


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False


print(_csv.Dialect(Semi).delimiter, _csv.Dialect(Semi()).quotechar)


class Incomplete(csv.Dialect):
    delimiter = ";"


t("incomplete dialect", Incomplete)

print(sorted(csv.list_dialects()))
csv.register_dialect("semi", Semi)
csv.register_dialect("pipe", delimiter="|", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
print(csv.get_dialect("semi").delimiter, csv.get_dialect("pipe").quoting)
print(wr([["a", "b|c"]], dialect="pipe"), end="")
print(wr([["a", "b;c"]], dialect="semi"), end="")
print(rd(["x|'y'|z"], dialect="pipe", quotechar="'"))
csv.unregister_dialect("pipe")
t("get unknown", csv.get_dialect, "pipe")
t("unregister unknown", csv.unregister_dialect, "pipe")
t("register int name", csv.register_dialect, 5)
t("register bad", csv.register_dialect, "bad", delimiter="")
print(sorted(csv.list_dialects()))
csv.unregister_dialect("semi")

# ---- DictReader / DictWriter ----
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=["name", "n", "note"])
dw.writeheader()
dw.writerow({"name": "a", "n": 1, "note": "x,y"})
dw.writerows([{"name": "b", "n": 2}, {"name": "c", "note": 'q"'}])
print(repr(s.getvalue()))
t("dictwriter extra", dw.writerow, {"name": "a", "zzz": 1})
s.seek(0)
dr = csv.DictReader(s)
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
dr = csv.DictReader(["a,b", "1,2,3", "4"], restkey="more", restval="?")
print(list(dr))

# ---- Sniffer ----
sn = csv.Sniffer()
sample = "a;b;c\n1;2;3\n4;5;6\n"
dia = sn.sniff(sample)
print(dia.delimiter, sn.has_header("name,age\nann,3\nbob,4\n"))

# ---- exceptions ----
print(_csv.Error is csv.Error, csv.Error.__mro__[1].__name__, _csv.__version__)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(type(_csv.Dialect()).__name__, type(csv.writer(io.StringIO())).__module__)
