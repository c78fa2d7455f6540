# del: names, list items and slices, dict keys, attributes, multiple
# targets, nested targets, and the errors.

a = 1
b = [1, 2, 3, 4, 5, 6]
c = {"x": 1, "y": 2, "z": 3}
del a
print("a" in globals(), b, c)
del b[0]
print(b)
del b[-1]
print(b)
del b[1:3]
print(b)
b = list(range(10))
del b[::2]
print(b)
del b[:]
print(b)
del c["y"]
print(c)
class Obj:
    cls_attr = "class"
o = Obj()
o.x, o.y = 1, 2
del o.x
print(vars(o), hasattr(o, "x"))
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))
p, q, r = 1, 2, 3
del p, q
print("p" in globals(), "q" in globals(), r)
lst = [[1, 2], [3, 4]]
del lst[0][1], lst[1]
print(lst)
d = {"k": [1, 2, 3]}
del d["k"][1:]
print(d)
(x, y) = (10, 20)
del (x, y)
print("x" in globals())
m = [1, 2, 3]
del [m[0], m[1]]
print(m)
def f():
    local = 5
    del local
    return "local" in locals()
print(f())
for bad in ("missing_name", "list index", "dict key", "attribute", "tuple item", "str item"):
    try:
        if bad == "missing_name":
            del never_existed
        elif bad == "list index":
            del m[10]
        elif bad == "dict key":
            del c["nope"]
        elif bad == "attribute":
            del o.nope
        elif bad == "tuple item":
            t = (1, 2)
            del t[0]
        else:
            s = "abc"
            del s[0]
    except (NameError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(bad, "->", type(e).__name__ + ":", e)
items = list(range(20))
for i in range(len(items) - 1, -1, -1):
    if items[i] % 3:
        del items[i]
print(items)
cache = {i: i * i for i in range(10)}
for k in [k for k in cache if k % 2]:
    del cache[k]
print(cache)
class Slotted:
    __slots__ = ("v",)
sl = Slotted()
sl.v = 1
del sl.v
try:
    sl.v
except AttributeError as e:
    print("AttributeError:", e)
class WithDel:
    def __delitem__(self, key):
        print("  __delitem__", key)
    def __delattr__(self, name):
        print("  __delattr__", name)
w = WithDel()
del w[1], w["a":"b"], w.attr
g = 5
def del_global():
    global g
    del g
del_global()
print("g" in globals())
