# gc-stress: 20
# sendmsg/recvmsg/recvmsg_into with ancillary data: SCM_RIGHTS passes
# descriptors across a socketpair; truncation flags; argument errors.
import array
import os
import socket
import threading
from multiprocessing import reduction
import multiprocessing.popen_forkserver  # noqa: F401 (imports with sendmsg present)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


a, b = socket.socketpair()

# A pipe's read end goes over the socket; the receiver reads through it.
r, w = os.pipe()
fds = array.array("i", [r])
print(a.sendmsg([b"hdr"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)]))
msg, anc, flags, addr = b.recvmsg(16, socket.CMSG_SPACE(4))
print(msg, len(anc), flags, addr)
level, kind, data = anc[0]
print(level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(data))
got = array.array("i")
got.frombytes(data)
newfd = got[0]
print(newfd != r)
os.write(w, b"through the passed fd")
print(os.read(newfd, 100))
os.close(newfd)

# Several descriptors, several buffers, recvmsg_into.
r2, w2 = os.pipe()
fds = array.array("i", [r, r2])
print(a.sendmsg([b"ab", bytearray(b"cd"), memoryview(b"ef")],
                [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)]))
b1, b2 = bytearray(4), bytearray(4)
n, anc, flags, addr = b.recvmsg_into([b1, b2], socket.CMSG_SPACE(8))
print(n, b1, b2, len(anc), len(anc[0][2]), flags, addr)
got = array.array("i")
got.frombytes(anc[0][2])
for fd in got:
    os.close(fd)

# Truncation: data (MSG_TRUNC needs a datagram socket) and control data.
d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
d1.sendmsg([b"0123456789"])
msg, anc, flags, addr = d2.recvmsg(4)
print(msg, anc, flags & socket.MSG_TRUNC == socket.MSG_TRUNC)
d1.sendmsg([b"x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r, r2]))])
msg, anc, flags, addr = d2.recvmsg(4, socket.CMSG_LEN(4))
print(msg, flags & socket.MSG_CTRUNC == socket.MSG_CTRUNC, [len(x[2]) for x in anc])
for item in anc:
    got = array.array("i")
    got.frombytes(item[2][: len(item[2]) // 4 * 4])
    for fd in got:
        os.close(fd)
d1.close()
d2.close()

# multiprocessing.reduction's helpers between two threads.
out = []


def receiver():
    fds = reduction.recvfds(b, 2)
    for fd in fds:
        out.append(os.read(fd, 100))
        os.close(fd)


t = threading.Thread(target=receiver)
t.start()
os.write(w, b"first")
os.write(w2, b"second")
reduction.sendfds(a, [r, r2])
t.join()
print(out)

# Nothing queued: MSG_DONTWAIT says so.
attempt(lambda: b.recvmsg(4, 0, socket.MSG_DONTWAIT))
attempt(lambda: b.recv(4, socket.MSG_DONTWAIT))

# Argument errors, with CPython's messages.
attempt(lambda: a.sendmsg(5))
attempt(lambda: a.sendmsg([5]))
attempt(lambda: a.sendmsg(b"ab"))
attempt(lambda: a.sendmsg([b"x"], 5))
attempt(lambda: a.sendmsg([b"x"], [5]))
attempt(lambda: a.sendmsg([b"x"], [b"abc"]))
attempt(lambda: a.sendmsg([b"x"], [(1, 2)]))
attempt(lambda: a.sendmsg([b"x"], [(1, 2, 3, 4)]))
attempt(lambda: a.sendmsg([b"x"], [("a", 2, b"")]))
attempt(lambda: a.sendmsg([b"x"], [(1, 2, "s")]))
attempt(lambda: a.sendmsg([b"x"], [], "x"))
attempt(lambda: a.sendmsg())
attempt(lambda: a.sendmsg([b"x"], [], 0, None, 3))
attempt(lambda: a.sendmsg([b"x"], ancdata=[]))
attempt(lambda: b.recvmsg(-1))
attempt(lambda: b.recvmsg(5, -1))
attempt(lambda: b.recvmsg())
attempt(lambda: b.recvmsg(2**70))
attempt(lambda: b.recvmsg_into(5))
attempt(lambda: b.recvmsg_into([5]))
attempt(lambda: b.recvmsg_into([b"x"]))
attempt(lambda: b.recvmsg_into([bytearray(1)], -1))
attempt(lambda: socket.CMSG_LEN(-1))
print(socket.CMSG_LEN(4) - socket.CMSG_LEN(0), socket.CMSG_SPACE(4) >= socket.CMSG_LEN(4))
print(socket.SO_PASSCRED > 0, socket.SCM_CREDENTIALS > 0)

os.close(r)
os.close(w)
os.close(r2)
os.close(w2)
a.close()
attempt(lambda: a.sendmsg([b"x"]))
attempt(lambda: a.recvmsg(1))
b.close()
