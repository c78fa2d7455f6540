# threading.stack_size(n): threads started afterwards can run Python code
# that nests native calls (repr of nested containers, sorted with a key,
# recursion through __repr__), down to the smallest size CPython accepts.
import threading


class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return f"N({self.child!r})"


def work(out):
    x = None
    for _ in range(5):
        x = Node(x)
    out.append(len(repr(x)))
    out.append(sorted([3, 1, 2], key=lambda v: -v))
    out.append(repr([[[[1]]]]))


for size in (32768, 262144, 1 << 20):
    print(threading.stack_size(size))
    out = []
    threads = [threading.Thread(target=work, args=(out,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(size, out[:3], len(out))
print(threading.stack_size(0))
try:
    threading.stack_size(100)
except ValueError as e:
    print(e)
