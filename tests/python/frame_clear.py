# gc-stress: 50
# frame.clear(), as traceback.clear_frames and unittest's assertRaises use it.
import sys
import traceback


def fail(x):
    local = [x]
    raise ValueError(local)


try:
    fail(3)
except ValueError as e:
    tb = e.__traceback__
print(traceback.clear_frames(tb))
f = tb.tb_next.tb_frame
print(f.clear(), f.clear())
print(f.f_code.co_name, f.f_lineno)
try:
    f.clear(1)
except TypeError as e:
    print(e)
print(type(sys._getframe()).clear.__name__)
