# gc-stress: 3
# Pickling enumerate and str iterators (__reduce__/__setstate__), and the
# length hint of reversed() asking the sequence's length again.
import pickle, operator
it=iter('abc'); print(it.__reduce__()); next(it); print(it.__reduce__(), it.__length_hint__()); list(it); print(it.__reduce__(), it.__length_hint__())
it=iter('abc'); it.__setstate__(2); print(list(it)); it=iter('abc'); it.__setstate__(-5); print(list(it)); it=iter('abc'); it.__setstate__(50); print(list(it))
it=iter('héllo'); it.__setstate__(2); print(list(it), type(iter('é')).__name__ in ('str_iterator', 'str_ascii_iterator'))
try: iter('abc').__setstate__('x')
except Exception as e: print(type(e).__name__, e)
for s in ['abc', 'h€llo', '', range(3), [1,2]]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        e = enumerate(s, 5)
        d = pickle.loads(pickle.dumps(e, proto))
        print(type(d).__name__, list(d), end=' ')
        e = enumerate(s); next(e, None)
        print(list(pickle.loads(pickle.dumps(e, proto))))
class E(enumerate): pass
print(type(pickle.loads(pickle.dumps(E('ab')))).__name__, E('ab').__reduce__()[0] is E)
print(enumerate('ab', 2**70).__reduce__()[1][1])
for s in ('hello', tuple('hello'), list('hello'), range(5)):
    r = reversed(s); print(operator.length_hint(r), end=' '); list(r); print(operator.length_hint(r))
class W:
    called = False
    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError
    def __getitem__(self, i): return i
try: operator.length_hint(reversed(W()))
except ZeroDivisionError: print("ZeroDivisionError")
l = [1,2,3]; r = reversed(l); next(r); l.clear(); print(operator.length_hint(r))
