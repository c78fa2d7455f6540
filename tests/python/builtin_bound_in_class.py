# gc-stress: 20
# Bound built-in methods stored as class attributes are not descriptors:
# concurrent.futures.thread keeps `itertools.count().__next__` on a class.
import itertools


class C:
    counter = itertools.count().__next__
    frm = int.from_bytes
    up = 'abc'.upper
    add = (5).__add__


c = C()
print(c.counter(), c.counter(), C.counter())
print(c.frm(b'\x01\x00', 'big'), C.frm(b'\x02', 'little'))
print(c.up(), C.up(), c.add(3))
print(type(c.counter).__name__, type(c.add).__name__)
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=3, thread_name_prefix='w') as ex:
    print(sorted(ex.map(lambda x: x * x, range(8))))
