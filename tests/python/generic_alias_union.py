
print(repr(list[int]), repr(dict[str, list[int]]), list[int] == list[int], repr(tuple[int, ...]), repr(tuple[()]))
print(int | str, int | None, type(int|str), (int|str).__args__, int | int, (int|str) == (str|int), list[int] | None)
print(isinstance(1, int|str), issubclass(bool, int|str), isinstance('x', int | None), isinstance(None, int | None))
try: isinstance(1, list[int])
except TypeError as e: print(e)
try: int | 1
except TypeError as e: print(e)
print(list[int].__mro_entries__((1,)), list[int]([1,2]), list[int].__origin__, list[int].__args__)
print(type(list[int]), type(list[int]).__module__, repr(type(int|str)), hash(list[int]) == hash(list[int]))
print(list[int].append is list.append, type(int | str).__name__, None | int)
class A(list[int]): pass
print(A.__mro__, A.__orig_bases__)
print((int | str | bytes).__args__, (int | (str | bytes)) == (bytes | str | int), hash(int|str) == hash(str|int))
