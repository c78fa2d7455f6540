# gc-stress: 20
# __module__ of built-in types and functions: a static type's comes from
# its tp_name even when its dict holds its instances' __module__ descriptor
# (builtin_function_or_method); open is io.open (what pickle stores).
import io
import pickle
import threading
import _thread

for o in [threading.Lock(), threading.RLock(), _thread.allocate_lock(), open, io.open,
          threading.local(), threading.get_ident, print, len]:
    print(type(o), getattr(o, "__module__", "-"), type(o).__module__)
print(type(len).__module__, type([].append).__module__, type(int.__add__).__module__)
print(open.__module__, io.open is open, pickle.dumps(open, protocol=4))
print(pickle.loads(pickle.dumps(open)) is open, pickle.loads(pickle.dumps(len)) is len)
