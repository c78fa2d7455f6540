# gc-stress: 5
# socket: socketpair, a TCP echo server on 127.0.0.1 port 0 served by a
# thread, UDP, AF_UNIX, timeouts, non-blocking mode, name resolution
# offline, the address helpers, and errors with CPython's messages.
import errno
import os
import signal
import socket
import tempfile
import threading
import time


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# socketpair
a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto, a.family == socket.AF_UNIX)
print(repr(a.family), repr(a.type))
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
a.send(b"xyz")
buf = bytearray(10)
print(b.recv_into(buf), buf)
a.send(b"12345")
mv = memoryview(bytearray(8))
print(b.recv_into(mv, 3), bytes(mv))
print(b.recv(10))
a.sendall(memoryview(b"view data"))
print(b.recvfrom(100))
t("recv negative", lambda: b.recv(-1))
t("recv_into small", lambda: b.recv_into(bytearray(2), 5))
t("recv_into negative", lambda: b.recv_into(bytearray(2), -1))
t("recv_into bytes", lambda: b.recv_into(b"ab"))
t("send str", lambda: a.send("x"))
b.settimeout(0.05)
t("timeout", lambda: b.recv(1))
t("gettimeout", lambda: b.gettimeout())
t("getblocking", lambda: b.getblocking())
b.setblocking(False)
t("nonblocking", lambda: b.recv(1))
t("gettimeout nb", lambda: (b.gettimeout(), b.getblocking()))
b.setblocking(True)
t("blocking again", lambda: (b.gettimeout(), b.getblocking()))
t("bad timeout", lambda: b.settimeout(-1))
t("bad timeout type", lambda: b.settimeout("x"))
t("nan timeout", lambda: b.settimeout(float("nan")))
t("timeout is TimeoutError", lambda: socket.timeout is TimeoutError)
a.shutdown(socket.SHUT_WR)
print("eof", b.recv(10))
with a, b:
    pass
print("closed", a.fileno(), b.fileno(), a._closed)
t("recv closed", lambda: b.recv(1))
t("repr closed", lambda: repr(a).startswith("<socket.socket [closed] fd=-1"))

# TCP echo between two threads
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr", srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print("bound", host, port > 0)
log = []


def serve(n):
    for _ in range(n):
        conn, addr = srv.accept()
        with conn:
            log.append(("accepted", addr[0], conn.getsockname() == (host, port)))
            while True:
                data = conn.recv(4)
                if not data:
                    break
                conn.sendall(data.upper())


th = threading.Thread(target=serve, args=(2,))
th.start()
c = socket.create_connection((host, port))
print("peer", c.getpeername() == (host, port))
c.sendall(b"echo this message please")
got = b""
while len(got) < 24:
    got += c.recv(100)
print(got)
c.close()
with socket.socket() as c2:
    print("connect_ex", c2.connect_ex((host, port)))
    f = c2.makefile("rwb")
    f.write(b"line one\nline two\n")
    f.flush()
    c2.shutdown(socket.SHUT_WR)
    print(f.readline(), f.read())
    f.close()
th.join()
print(log)
srv.settimeout(0.05)
t("accept timeout", lambda: srv.accept())
srv.setblocking(False)
t("accept nonblocking", lambda: srv.accept())
srv.close()
t("refused", lambda: socket.create_connection((host, port)))
with socket.socket() as c3:
    t("connect_ex refused", lambda: c3.connect_ex((host, port)) == errno.ECONNREFUSED)

# non-blocking connect, as asyncio does it
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
nb = socket.socket()
nb.setblocking(False)
try:
    nb.connect(("127.0.0.1", port))
    print("connected at once")
except BlockingIOError as e:
    print("in progress", e.errno == errno.EINPROGRESS)
import select
select.select([], [nb], [], 5)
print("so_error", nb.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
conn, _ = srv.accept()
nb.send(b"ping")
print(conn.recv(4))
conn.close()
nb.close()
srv.close()

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print("sendto", u2.sendto(b"datagram", u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u2.sendto(b"flags", 0, u1.getsockname())
buf = bytearray(16)
n, addr = u1.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr == u2.getsockname())
u1.settimeout(0.02)
t("udp timeout", lambda: u1.recvfrom(10))
t("sendto arity", lambda: u1.sendto(b"x"))
t("sendto arity 4", lambda: u1.sendto(b"x", 1, 2, 3))
u1.close()
u2.close()

# AF_UNIX
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    us.bind(path)
    us.listen(1)
    print("unix name", us.getsockname() == path)
    uc = socket.socket(socket.AF_UNIX)
    uc.connect(path)
    conn, addr = us.accept()
    print("unix addr", repr(addr))
    uc.sendall(b"over unix")
    print(conn.recv(100))
    for s in (conn, uc, us):
        s.close()
t("unix too long", lambda: socket.socket(socket.AF_UNIX).bind("x" * 200))
t("unix missing", lambda: socket.socket(socket.AF_UNIX).connect("/nonexistent/sock"))
t("unix unbound name", lambda: socket.socket(socket.AF_UNIX).getsockname())

# constructor and attributes
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print("nonblock type", s.type == socket.SOCK_STREAM, s.gettimeout())
s2 = socket.socket(fileno=os.dup(s.fileno()))
print("from fileno", s2.family == socket.AF_INET, s2.type == socket.SOCK_STREAM, s2.proto)
s.close()
s2.close()
t("bad family", lambda: socket.socket(99))
t("bad type", lambda: socket.socket(socket.AF_INET, 99))
t("negative fileno", lambda: socket.socket(fileno=-5))
t("inheritable", lambda: socket.socket().get_inheritable())
s = socket.socket()
t("bind str", lambda: s.bind("x"))
t("bind short", lambda: s.bind(("127.0.0.1",)))
t("bind port", lambda: s.bind(("127.0.0.1", 70000)))
t("bind port type", lambda: s.bind(("127.0.0.1", "x")))
t("bind host type", lambda: s.bind((1, 0)))
t("getpeername", lambda: s.getpeername())
t("send unconnected", lambda: s.send(b"x"))
t("listen then accept nb", lambda: (s.listen(), s.setblocking(False), s.accept()))
t("getsockopt bytes", lambda: len(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4)))
t("getsockopt buflen", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000))
t("setsockopt str", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "x"))
t("setsockopt 4", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1, 4))
t("detach", lambda: s.detach() > 0)
t("detached fileno", lambda: s.fileno())
t("ipv6", lambda: socket.socket(socket.AF_INET6).getsockname())

# resolution (offline: numeric hosts and localhost)
t("gai numeric", lambda: socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
t("gai localhost", lambda: socket.getaddrinfo("localhost", "80", socket.AF_INET, socket.SOCK_STREAM)[0][4])
t("gai v6", lambda: socket.getaddrinfo("::1", None, socket.AF_INET6, socket.SOCK_DGRAM))
t("gai service", lambda: socket.getaddrinfo("127.0.0.1", "nosuchservice"))
t("gai bad port", lambda: socket.getaddrinfo("127.0.0.1", 80.5))
t("gai bad host", lambda: socket.getaddrinfo(1, 80))
t("gai bytes", lambda: socket.getaddrinfo(b"127.0.0.1", b"80", socket.AF_INET, socket.SOCK_STREAM))
t("gaierror", lambda: issubclass(socket.gaierror, OSError) and socket.gaierror.__module__)
t("getnameinfo", lambda: socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
t("getnameinfo bad", lambda: socket.getnameinfo(("127.0.0.1",), 0))
t("getnameinfo type", lambda: socket.getnameinfo("x", 0))
t("gethostbyname", lambda: socket.gethostbyname("127.0.0.1"))
t("gethostbyname localhost", lambda: socket.gethostbyname("localhost"))
t("gethostname", lambda: type(socket.gethostname()))
t("gethostbyaddr", lambda: socket.gethostbyaddr("127.0.0.1"))
t("gethostbyaddr name", lambda: socket.gethostbyaddr("localhost"))
t("gethostbyname_ex", lambda: socket.gethostbyname_ex("localhost"))
t("gethostbyname_ex numeric", lambda: socket.gethostbyname_ex("127.0.0.1"))
t("getfqdn", lambda: socket.getfqdn("127.0.0.1"))
t("getservbyname", lambda: (socket.getservbyname("http"), socket.getservbyname("http", "tcp")))
t("getservbyname missing", lambda: socket.getservbyname("nosuchservice"))
t("getservbyport", lambda: socket.getservbyport(80))
t("getservbyport range", lambda: socket.getservbyport(70000))
t("getprotobyname", lambda: (socket.getprotobyname("tcp"), socket.getprotobyname("udp")))
t("getprotobyname missing", lambda: socket.getprotobyname("nosuchproto"))

# address helpers
t("inet_aton", lambda: socket.inet_aton("1.2.3.4"))
t("inet_aton short", lambda: socket.inet_aton("1"))
t("inet_aton bad", lambda: socket.inet_aton("x"))
t("inet_aton bytes", lambda: socket.inet_aton(b"1.2.3.4"))
t("inet_ntoa", lambda: socket.inet_ntoa(b"\x01\x02\x03\x04"))
t("inet_ntoa short", lambda: socket.inet_ntoa(b"\x01\x02\x03"))
t("inet_pton", lambda: socket.inet_pton(socket.AF_INET, "1.2.3.4"))
t("inet_pton bad", lambda: socket.inet_pton(socket.AF_INET, "1.2.3"))
t("inet_pton v6", lambda: socket.inet_pton(socket.AF_INET6, "::1"))
t("inet_pton mapped", lambda: socket.inet_pton(socket.AF_INET6, "::ffff:1.2.3.4"))
t("inet_ntop v6", lambda: socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "fe80::1:0:0:2")))
t("inet_ntop len", lambda: socket.inet_ntop(socket.AF_INET, b"\x00" * 3))
t("inet_ntop family", lambda: socket.inet_ntop(99, b"\x00" * 4))
t("htons", lambda: (socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(2**31)))
t("htons negative", lambda: socket.htons(-1))
t("htons big", lambda: socket.htons(70000))
t("htonl negative", lambda: socket.htonl(-1))
t("htonl big", lambda: socket.htonl(2**32))
t("default timeout", lambda: socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
t("inherits default", lambda: (s.gettimeout(), s.getblocking()))
s.close()
socket.setdefaulttimeout(None)
t("bad default", lambda: socket.setdefaulttimeout(-1))
t("enums", lambda: (socket.AF_INET, socket.SOCK_DGRAM, socket.AI_PASSIVE, socket.MSG_PEEK))
t("CMSG_LEN", lambda: socket.CMSG_LEN(4) >= 4)

# a signal handler runs while the main thread blocks in recv (PEP 475:
# the call goes on afterwards)
hits = []
old = signal.signal(signal.SIGUSR1, lambda n, f: hits.append(n))
a, b = socket.socketpair()


def kill_then_send():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
    for _ in range(500):
        if hits:
            break
        time.sleep(0.01)
    a.send(b"ran" if hits else b"not yet")


th = threading.Thread(target=kill_then_send)
th.start()
print("blocking recv with signal", b.recv(10))
th.join()
signal.signal(signal.SIGUSR1, old)
a.close()
b.close()
print("done")
