# gc-stress: 20
# The pure-Python datetime and decimal classes ftpy runs stand in for
# CPython's C types, whose messages name them 'datetime.date',
# 'decimal.Decimal' ...; __name__, __qualname__ and repr stay the same.
import datetime
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


d = datetime.datetime(2024, 1, 2, 3, 4, 5)
t(lambda: d.foo)
t(lambda: d - 5)
t(lambda: d < "x")
t(lambda: d[0])
t(lambda: datetime.date(2024, 1, 1) + 1)
t(lambda: datetime.timedelta(1) * "x")
t(lambda: datetime.time(1) + datetime.time(2))
t(lambda: datetime.timezone.utc.foo)
t(lambda: decimal.Decimal(1).foo)
t(lambda: decimal.Decimal("1.1") + 1.1)
t(lambda: decimal.getcontext().foo)
t(lambda: len(d))
t(lambda: (type(d).__name__, type(d).__qualname__, type(d).__module__, repr(type(d)), str(datetime.timedelta)))
t(lambda: (decimal.Decimal.__name__, repr(decimal.Decimal), decimal.Context.__qualname__))


class MyDate(datetime.date):
    pass


t(lambda: MyDate(2024, 1, 1).foo)
t(lambda: MyDate(2024, 1, 1) + 1)
