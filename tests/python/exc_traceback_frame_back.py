# gc-stress: 10
# tb_frame.f_back is the caller's frame, for the frame that caught the
# exception (still running) and for the frames it passed through (done);
# logging's "--- Logging error ---" report walks it to print the call stack.
import io
import logging
import sys
import traceback


def chain(f):
    names = []
    while f:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def leaf():
    raise ValueError("deep")


def middle():
    leaf()


def catcher():
    try:
        middle()
    except ValueError:
        tb = sys.exc_info()[2]
        print("caught in", chain(tb.tb_frame))
        print("raised in", chain(tb.tb_next.tb_next.tb_frame))
        print("stack", [fs.name for fs in traceback.extract_stack(tb.tb_next.tb_frame)])
        return tb


def outer():
    return catcher()


tb = outer()
print("after return", [f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
print("leaf's caller", tb.tb_next.tb_next.tb_frame.f_back.f_code.co_name)


def gen():
    yield 1
    raise KeyError("g")


def consume():
    try:
        for _ in gen():
            pass
    except KeyError:
        return chain(sys.exc_info()[2].tb_next.tb_frame)


print("generator", consume())

err = io.StringIO()
sys.stderr = err
log = logging.getLogger("demo")
log.addHandler(logging.StreamHandler(io.StringIO()))


def report():
    log.warning("bad args %d", "x")


report()
sys.stderr = sys.__stderr__
lines = err.getvalue().splitlines()
start = lines.index("Call stack:")
print([l for l in lines[start:] if not l.startswith("  File") or "frame_back" in l][:8])
