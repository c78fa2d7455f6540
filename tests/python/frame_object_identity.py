# One frame object per frame activation: tb.tb_frame is sys._getframe(),
# sys._getframe() is sys._getframe(), a generator's frame across yields.
import sys
def raiser(): raise ValueError
def f():
    try:
        raiser()
    except Exception as exc:
        tb = exc.__traceback__
    print(tb.tb_frame is sys._getframe(), tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
    print(sys._getframe() is sys._getframe(), sys._getframe(1) is sys._getframe(1))
    fr = sys._getframe()
    print(sys._getframe().f_lineno, fr.f_back.f_code.co_name)
    return tb
tb = f()
print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_next.tb_lineno)
def g():
    yield sys._getframe()
    yield sys._getframe()
gen = g()
a = next(gen); b = next(gen)
print(a is b, a.f_lineno, b.f_lineno)
try:
    1/0
except ZeroDivisionError as e:
    print(e.__traceback__.tb_frame is sys._getframe())
