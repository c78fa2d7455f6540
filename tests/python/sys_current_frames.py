# sys._current_frames() / sys._current_exceptions(): every thread running
# Python code, its innermost frame linked to its callers.
import sys
import threading
import traceback

entered = threading.Event()
leave = threading.Event()


def outer():
    inner()


def inner():
    try:
        raise ValueError("oops")
    except ValueError:
        entered.set()
        leave.wait()


t = threading.Thread(target=outer)
t.start()
entered.wait()

frames = sys._current_frames()
main = threading.get_ident()
print(sorted(frames) == sorted([main, t.ident]))
print(all(isinstance(k, int) and k > 0 for k in frames))
print(frames[main] is sys._getframe())
stack = [(name, line) for _, _, name, line in traceback.extract_stack(frames[t.ident])]
i = [n for n, _ in stack].index("outer")
# The thread is in `entered.set()` or `leave.wait()` (it may not have
# reached the wait yet).
print(stack[i], stack[i + 1][0])

def handling():
    try:
        1 / 0
    except ZeroDivisionError:
        return sys._current_exceptions()

excs = handling()
print(excs[main][0], excs[main][1])
print(sys._current_exceptions()[main])
typ, val, tb = excs[t.ident]
print(typ, repr(val))
names = [n for _, _, n, _ in traceback.extract_stack(tb.tb_frame)]
print(names[names.index("outer"):])

try:
    sys._current_frames(1)
except TypeError as e:
    print(e)

leave.set()
t.join()
print(len(sys._current_frames()))
