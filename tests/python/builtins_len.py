# len(): built-in containers, __len__ returning bools, subclasses of int,
# __index__ objects, negative and huge values, and the errors for each.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('containers', lambda: (len([1, 2]), len('héllo'), len(b'ab'), len({1: 2}), len(range(10)), len(set()), len(())))
t('range big', lambda: len(range(2**62)))
t('range too big', lambda: len(range(2**64)))
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Idx:
    def __index__(self):
        return 7
class MyInt(int):
    pass
t('int', lambda: len(L(5)))
t('zero', lambda: len(L(0)))
t('bool', lambda: len(L(True)))
t('int subclass', lambda: (len(L(MyInt(3))), type(len(L(MyInt(3)))).__name__))
t('__index__', lambda: len(L(Idx())))
t('negative', lambda: len(L(-1)))
t('huge negative', lambda: len(L(-2**100)))
t('largest', lambda: len(L(2**63 - 1)))
t('one too big', lambda: len(L(2**63)))
t('huge', lambda: len(L(2**100)))
t('float', lambda: len(L(1.5)))
t('str', lambda: len(L('3')))
t('None', lambda: len(L(None)))
class Raising:
    def __len__(self):
        raise KeyError('from __len__')
t('raising', lambda: len(Raising()))
t('no __len__', lambda: len(5))
t('no __len__ object', lambda: len(object()))
t('iterator has no len', lambda: len(iter([])))
t('generator has no len', lambda: len(x for x in []))
t('no args', lambda: len())
t('two args', lambda: len([], []))
t('keyword', lambda: len(obj=[]))
t('bool of len 0', lambda: bool(L(0)))
t('bool of len 2', lambda: bool(L(2)))
t('bool of negative len', lambda: bool(L(-1)))
