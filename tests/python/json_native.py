# gc-stress: 5
# json with the _json accelerators: the scanner, scanstring, the encoder and
# encode_basestring(_ascii), checked against CPython's C accelerator output
# (error messages, positions) and against json's own pure-Python path.
import json
import json.decoder as jd
import json.encoder as je
import json.scanner as js
from collections import OrderedDict


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(js.make_scanner.__name__, je.c_make_encoder.__name__, jd.scanstring.__module__)
print(js.make_scanner is js.c_make_scanner, jd.scanstring is jd.c_scanstring)

docs = [
    '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9\\ud834\\udd1e"}}',
    '[]', '{}', ' [ 1 , 2 ] ', '"\\/\\b\\f\\r\\t\\"\\\\"', '-0', '0.5e-3', '1E+2', '123456789012345678901234567890',
    '[-Infinity, Infinity, NaN]', '"\\ud834"', '"\\udd1e\\ud834"', '[[[[[]]]]]', '{"a": {"a": {"a": 1}}}',
    '{"dup": 1, "dup": 2}', '"日本語"', '[1.0, 1.5, 100000000000000000000000.0]',
]
bad = [
    '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '[', '[1', '[1,', '[1,]', '"abc', '"a\x01"',
    '"\\x"', '"\\u12"', '"\\u12zz"', '"\\ud834\\u12"', '', ' ', 'nul', 'tru', '-', '-x', '1.', '1e', '01',
    '[1 2]', '{"a" 1}', '{1:2}', '"\\', '"abc\\', '[1,\n 2,\n x]', '{"a":1 "b":2}', 'NaNa', '-Infinityx',
]
for d in docs + bad:
    t(lambda: json.loads(d))

# the pure-Python decoder gives the same values
py_dec = jd.JSONDecoder()
py_dec.scan_once = js.py_make_scanner(py_dec)
py_dec.parse_string = jd.py_scanstring
for d in docs:
    a = json.loads(d)
    b = py_dec.decode(d)
    print(repr(a) == repr(b), end=" ")
print()

# hooks and parse_* callables
print(json.loads('{"x": 1, "y": [2.5]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=OrderedDict))
print(json.loads('[1.10, 2]', parse_float=lambda s: ('float', s), parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: "const:" + s))
t(lambda: json.loads('"a\tb"'))
print(repr(json.loads('"a\tb"', strict=False)))

# scanstring directly
t(lambda: jd.scanstring('"abc" tail', 1))
t(lambda: jd.scanstring('x"ab\\"c"', 2))
t(lambda: jd.scanstring("abc", 5))
t(lambda: jd.scanstring("abc", -1))
t(lambda: jd.scanstring(b"abc", 0))
t(lambda: jd.scanstring('"a\tb"', 1, False))
t(lambda: jd.scanstring('"a\tb"', 1, True))
for s in ['"plain"', '"esc\\n\\t\\u0041\\ud83d\\ude00"', '"unterminated']:
    r1 = r2 = None
    try:
        r1 = jd.c_scanstring(s, 1)
    except ValueError as e:
        r1 = str(e)
    try:
        r2 = jd.py_scanstring(s, 1)
    except ValueError as e:
        r2 = str(e)
    print(r1 == r2, r1)

# the scanner object
sc = js.make_scanner(jd.JSONDecoder())
t(lambda: sc('[1]', 0))
t(lambda: sc('xx[1, "a"]', 2))
t(lambda: sc('[1]', 5))
t(lambda: sc('[1]', -1))
t(lambda: sc(b'1', 0))
t(lambda: sc('  1', 0))
print(type(sc).__name__, sc.strict, sc.object_hook, sc.parse_float is float, sc.parse_int is int)

# encoding strings
s = 'a"\\\n\r\t\b\f\x00\x1f\x7f\u1234\U0001d11e é'
print(je.encode_basestring_ascii(s))
print(je.encode_basestring(s))
print(je.c_encode_basestring_ascii(s) == je.py_encode_basestring_ascii(s), je.c_encode_basestring(s) == je.py_encode_basestring(s))
t(lambda: je.encode_basestring(1))
t(lambda: je.encode_basestring_ascii(b"x"))

# dumps through the C encoder (no indent) and the Python one (indent)
obj = {"b": [1, 2.5, None, True, False, "x\u20ac"], "a": {"n": -0.0, "big": 10**30, "t": (1, 2)}, 3: "int key",
       1.5: "float key", None: "none key", True: "bool key"}
print(json.dumps(obj))
print(json.dumps(obj, ensure_ascii=False))
print(json.dumps(obj, separators=(",", ":"), default=str))
print(json.dumps(obj, indent=1) == je.JSONEncoder(indent=1).encode(obj))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
t(lambda: json.dumps([float("inf")], allow_nan=False))
t(lambda: json.dumps({(1, 2): 3}))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
t(lambda: json.dumps(object()))
print(json.dumps({"d": complex(1, 2), "s": sorted({1, 2})}, default=str))
circ = []
circ.append(circ)
t(lambda: json.dumps(circ))
circ_d = {}
circ_d["self"] = circ_d
t(lambda: json.dumps(circ_d))
t(lambda: json.dumps({"b": 1, 2: 2}, sort_keys=True))


class Custom:
    def __init__(self, v):
        self.v = v


def default(o):
    if isinstance(o, Custom):
        return {"custom": o.v}
    raise TypeError("nope")


print(json.dumps([Custom(1), Custom([Custom(2)])], default=default))
t(lambda: json.dumps([Custom(1)], default=lambda o: o))


class MyInt(int):
    def __repr__(self):
        return "MyInt!"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    pass


class MyDict(dict):
    pass


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyDict(a=1), (1,)]))
enc = je.c_make_encoder(None, None, je.encode_basestring, None, ":", ",", False, False, True)
print(type(enc).__name__, enc([1, 2, {"a": 1.5}], 0))
t(lambda: je.c_make_encoder(1, None, je.encode_basestring, None, ":", ",", False, False, True))
t(lambda: je.c_make_encoder(None, None, je.encode_basestring, None, 1, ",", False, False, True))
print(json.dumps("x" * 3, cls=json.JSONEncoder), json.dumps(["a", "b"], ensure_ascii=True))

# round trips
value = {"list": list(range(20)), "nested": [{"k": [i, str(i), i / 3]} for i in range(10)], "u": "\u00e9\U0001f600"}
text = json.dumps(value)
print(json.loads(text) == value, len(text))

# equal keys in one document are one str object (the scanner's memo);
# an object_hook that drops the dicts must not leave the memo dangling
a, b = json.loads('[{"key_%s": 1}, {"key_%s": 2}]' % ("x" * 30, "x" * 30))
print(list(a)[0] is list(b)[0], list(a)[0] == list(b)[0])
import gc


def drop(d):
    gc.collect()
    return len(d)


print(json.loads('[{"k1": 1, "k2": 2}, {"k1": [{"k3": 3}], "k2": 0}, {"k1": 1}]', object_hook=drop))

# threads decoding at once through json's shared default decoder
import threading

errors = []


def decode_many(slot):
    for i in range(300):
        doc = '{"slot": %d, "i": %d, "name_%d": [%d, {"inner": "v%d"}]}' % (slot, i, i % 7, i, i)
        d = json.loads(doc)
        if d["slot"] != slot or d["i"] != i or d["name_%d" % (i % 7)][1]["inner"] != "v%d" % i:
            errors.append((slot, i, d))


workers = [threading.Thread(target=decode_many, args=(s,)) for s in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("threaded decode errors:", errors)
