# Argument errors of list, object and tuple methods and aiter/anext/sorted/
# str.maketrans, declared with Sig (CPython's wording for each shape).
L = [1, 2]
cands = {
 'list.append': L.append, 'list.extend': L.extend, 'list.insert': L.insert, 'list.pop': [5, 6].pop, 'list.remove': L.remove,
 'list.index': L.index, 'list.count': L.count, 'list.clear': [].clear, 'list.copy': L.copy, 'list.reverse': [].reverse,
 'list.__reversed__': L.__reversed__, 'list.__sizeof__': L.__sizeof__,
 'object.__format__': object().__format__, 'object.__dir__': object().__dir__, 'object.__sizeof__': object().__sizeof__,
 'object.__reduce__': object().__reduce__, 'object.__reduce_ex__': object().__reduce_ex__, 'object.__getstate__': object().__getstate__,
 'aiter': aiter, 'anext': anext, 'sorted': sorted, 'str.maketrans': str.maketrans,
}
for name, f in cands.items():
    for args, kw in [((), {}), ((0,), {}), ((0, 1), {}), ((0, 1, 2), {}), ((0, 1, 2, 3), {}), (([3, 1],), {'key': None, 'x': 1}), ((0,), {'x': 1})]:
        try:
            r = f(*args, **kw)
            out = 'ok'
        except TypeError as e:
            out = 'TypeError: ' + str(e)
        except Exception as e:
            out = type(e).__name__
        print(name, len(args), sorted(kw), out)
print(sorted([3, 1, 2], key=lambda x: -x), sorted([3, 1, 2], reverse=True), sorted("bca"))
try: sorted([1], foo=2)
except TypeError as e: print(e)
try: sorted(5, foo=2)
except TypeError as e: print(e)
