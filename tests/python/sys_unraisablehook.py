# sys.unraisablehook: __del__ and thread errors go through it; the default
# hook's report; a failing hook; None or a deleted hook fall back to the default.
import sys, gc, io, re, _thread, time, weakref
def clean(s): return re.sub(r' at 0x[0-9a-f]+', ' at ADDR', s)
print(type(sys.unraisablehook).__name__, sys.__unraisablehook__ is sys.unraisablehook)
try: sys.unraisablehook(1)
except Exception as e: print(type(e).__name__, e)
class X:
    def __del__(self): raise ValueError()
class Y:
    def __del__(self): raise ValueError('m') from KeyError('k')
def run(make):
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        make()
        gc.collect()
        time.sleep(0.05)
        out = sys.stderr.getvalue()
    finally:
        sys.stderr = old
    print(clean(out), end='')
    print('--')
run(lambda: X())
run(lambda: Y())
def f(): raise KeyError(3)
def th():
    done = _thread.allocate_lock(); done.acquire()
    def body():
        try: f()
        finally: done.release()
    _thread.start_new_thread(body, ())
    done.acquire(); time.sleep(0.05)
run(th)
seen = []
def hook(a):
    seen.append((type(a).__name__, a.exc_type.__name__, str(a.exc_value), a.err_msg, clean(repr(a.object)), a.exc_traceback is not None, len(a)))
sys.unraisablehook = hook
X(); gc.collect()
print(*seen, sep='\n')
def badhook(a): 1/0
sys.unraisablehook = badhook
run(lambda: X())
sys.unraisablehook = None
run(lambda: X())
del sys.unraisablehook
run(lambda: X())
sys.unraisablehook = sys.__unraisablehook__
print('end')
