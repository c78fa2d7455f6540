# gc-stress: 100
# BytesIO.getbuffer(): a writable view of the stream's bytes that blocks
# resizing while it is exported; pickle's framing relies on it.
import io
import pickle

b = io.BytesIO(b'hello world')
view = b.getbuffer()
print(type(view).__name__, len(view), bytes(view[:5]), view.readonly, view.format)
view[0] = ord('J')
print(b.getvalue())
for op in [lambda: b.write(b'x'), lambda: b.truncate(2), lambda: b.close(),
           lambda: b.__setstate__((b'zz', 0, None))]:
    try:
        op()
        print('no error')
    except BufferError as e:
        print('BufferError:', e)
b.seek(0)
print(b.read(5), b.tell())
view.release()
b.write(b'!')
print(b.getvalue())
with b.getbuffer() as v2:
    print(v2.tobytes()[-3:], v2.nbytes)
b.write(b'?')
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print('ValueError:', e)

data = {'a': [1, 2.5, 'three', b'four', None, True], 'n': 10**30, 't': (1, (2, 3)),
        'big': list(range(3000)), 's': {1, 2}}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.dumps(data, protocol=proto)
    print(proto, pickle.loads(p) == data)
print(pickle.loads(pickle.dumps(data)) == data)
