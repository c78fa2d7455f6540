# int(x) through __int__, __index__ and __trunc__; float to int errors;
# int subclasses; to_bytes/from_bytes (signed, byte orders, defaults).

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

class A:
    def __int__(self): return 42
class B:
    def __index__(self): return 7
class D:
    def __int__(self): return 'x'
class E:
    def __index__(self): return 1.5
class H(int):
    pass
class Both:
    def __int__(self): return 1
    def __index__(self): return 2
for name, o in [('A', A()), ('B', B()), ('D', D()), ('E', E()), ('Both', Both()), ('H', H(9))]:
    show(f'int({name})', lambda: int(o))
    show(f'type(int({name}))', lambda: type(int(o)).__name__)
show('[1, 2, 3][B()]', lambda: [1, 2, 3][B()])
show('[1, 2, 3][A()]', lambda: [1, 2, 3][A()])
show('range(B())', lambda: range(B()))
show('hex(B())', lambda: hex(B()))
show('bin(A())', lambda: bin(A()))
show('int(None)', lambda: int(None))
show('int([1])', lambda: int([1]))
show('int(1j)', lambda: int(1j))
for f in [3.99, -3.99, 0.5, -0.5, 1e20, -1e20, 2.0**70, 1e300, float('nan'), float('inf'), float('-inf')]:
    show(f'int({f!r})', lambda: int(f))
show('H(7) + 1', lambda: (H(7) + 1, type(H(7) + 1).__name__))
show('repr(H(7))', lambda: repr(H(7)))
show('H(7) == 7', lambda: (H(7) == 7, hash(H(7)) == hash(7)))
show("H('ff', 16)", lambda: H('ff', 16))
show('type(H(2**80))', lambda: (H(2**80), type(H(2**80)).__name__))
show('int(H(5))', lambda: (int(H(5)), type(int(H(5))).__name__))
show('+H(5)', lambda: type(+H(5)).__name__)
show('(5).__index__()', lambda: (5).__index__())
show('True.__index__()', lambda: True.__index__())

# to_bytes / from_bytes.
for n, args, kw in [(5, (2, 'big'), {}), (5, (2, 'little'), {}), (5, (), {}), (0, (), {}),
                    (0, (0, 'big'), {}), (1, (0, 'big'), {}), (256, (1, 'big'), {}),
                    (-1, (1, 'big'), {}), (-1, (1, 'big'), {'signed': True}),
                    (-128, (1, 'big'), {'signed': True}), (-129, (1, 'big'), {'signed': True}),
                    (128, (1, 'big'), {'signed': True}), (127, (1, 'big'), {'signed': True}),
                    (255, (1,), {'byteorder': 'little'}), (255, (), {'length': 2, 'byteorder': 'little'}),
                    (255, (2, 'middle'), {}), (255, (-1, 'big'), {}), (2**100, (13, 'big'), {}),
                    (-2**100, (14, 'little'), {'signed': True}), (5, (2, 'big', True), {}),
                    (1, (1, 'big'), {'signed': 2}), (2**64 - 1, (8,), {}), (2**64, (8,), {}),
                    (65535, (), {'length': 2}), (1, (1, b'big'), {}), (1, ('1', 'big'), {}),
                    (1, (1,), {'bogus': 1})]:
    show(f'({n}).to_bytes{args}{kw}', lambda: n.to_bytes(*args, **kw))
for data, args, kw in [(b'\x00\x05', ('big',), {}), (b'\x00\x05', (), {}),
                       (b'\xff\xff', ('big',), {'signed': True}), (b'\xff\xff', ('little',), {}),
                       (b'', ('big',), {'signed': True}), ([1, 2], ('big',), {}), ([1, 256], ('big',), {}),
                       (bytearray(b'\x80'), ('big',), {'signed': True}), ('ab', ('big',), {}),
                       (5, ('big',), {}), (b'\x01', ('mid',), {}), (b'\x01', (), {'byteorder': 'big', 'signed': False}),
                       ((x for x in [1, 2, 3]), ('little',), {}), (b'\x00' * 20 + b'\x01', ('big',), {}),
                       (b'\x80' + b'\x00' * 15, ('big',), {'signed': True}), ([-1], ('big',), {}),
                       ([B()], ('big',), {}), ([1.0], ('big',), {})]:
    label = type(data).__name__ if type(data).__name__ in ('generator', 'list') else repr(data)
    show(f'int.from_bytes({label}, *{args}, **{kw})', lambda: int.from_bytes(data, *args, **kw))
show('int.from_bytes(bytes=b"\\x01")', lambda: int.from_bytes(bytes=b'\x01'))
show('H.from_bytes(b"\\x01")', lambda: (H.from_bytes(b'\x01'), type(H.from_bytes(b'\x01')).__name__))
show('bool.from_bytes(b"\\x01")', lambda: bool.from_bytes(b'\x01'))
show('int.from_bytes()', lambda: int.from_bytes())
for n in [0, 1, -1, 127, 128, -128, 255, 2**63, -(2**63), 2**100 - 1]:
    for signed in [False, True]:
        try:
            length = (n.bit_length() + 8) // 8
            b = n.to_bytes(length, 'little', signed=signed)
            print(n, signed, b, int.from_bytes(b, 'little', signed=signed) == n)
        except OverflowError as e:
            print(n, signed, 'OverflowError:', e)
