# printf-style str formatting: any subscriptable argument that is not a
# tuple or a str counts as the mapping, as in CPython (so surplus arguments
# are not an error and %(key)s subscripts it). Found by the generated-program
# fuzzer (tests/fuzz).


class Seq:
    def __getitem__(self, i):
        return 'item%r' % (i,)

    def __repr__(self):
        return 'Seq()'


def show(fmt, arg):
    try:
        print(repr(fmt % arg))
    except Exception as e:
        print(type(e).__name__, e)


for arg in [[1, 2], [], b'ab', bytearray(b'x'), range(3), Seq(), {'k': 1},
            {}, 5, 'str', (1,), ()]:
    show('abc', arg)
    show('%s', arg)
    show('%(k)s', arg)
    show('%s %s', arg)
    show('%d', arg)
