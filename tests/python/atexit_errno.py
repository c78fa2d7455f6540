import atexit, errno, _thread
def bye(x, y=0): print('bye', x, y)
atexit.register(bye, 1, y=2)
atexit.register(print, 'second')
def bad(): raise ValueError('oops')
f = atexit.register(bad)
atexit.unregister(bad)
print(errno.ENOENT, errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN, len(errno.errorcode))
print('main done')
