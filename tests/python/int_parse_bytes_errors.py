# int() of bytes-like objects that are not valid literals: the message shows
# the data as a plain bytes repr (whatever the argument's type), and only
# str, bytes and bytearray take an explicit base. Found by the
# generated-program fuzzer (tests/fuzz).


class B(bytes):
    def __repr__(self):
        return 'B!'


class BA(bytearray):
    pass


class S(str):
    def __repr__(self):
        return 'S!'


def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


for v in [B(b'x'), bytearray(b'y'), BA(b"it's"), S('z'), memoryview(b'q'),
          b'\xff1', B(b'12'), BA(b' 7 '), memoryview(b'0x1f'), b'1_0']:
    show(int, v)
    show(int, v, 16)
    show(int, v, 0)

