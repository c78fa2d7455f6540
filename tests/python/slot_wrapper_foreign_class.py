# A built-in type's slot wrapper stored in an unrelated class: calling the
# operation reports the wrong receiver as CPython does.
class C:
    __repr__ = list.__repr__
    __len__ = dict.__len__
    __getitem__ = tuple.__getitem__


for op in (repr, len, lambda o: o[0]):
    try:
        op(C())
    except TypeError as e:
        print(e)


class L(list):
    __repr__ = list.__repr__


print(repr(L([1])))
