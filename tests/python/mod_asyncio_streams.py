# gc-stress: 50
# asyncio streams on loopback: start_server + open_connection on
# 127.0.0.1 port 0, line and exact reads, EOF, many clients at once, a
# client that times out, a refused connection, and the loop's sock_* API.
import asyncio
import socket


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while True:
        line = await reader.readline()
        if not line:
            break
        if line == b"quit\n":
            writer.write(b"bye\n")
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    sock = server.sockets[0]
    host, port = sock.getsockname()
    print("serving", host, server.is_serving())
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print("peer", writer.get_extra_info("peername") == (host, port))
        for msg in [b"hello\n", b"world\n"]:
            writer.write(msg)
            await writer.drain()
            print(await reader.readline())
        writer.writelines([b"abc", b"def\n"])
        print(await reader.readexactly(7))
        writer.write(b"partial")
        writer.write_eof()
        print(await reader.read())
        print("at eof", reader.at_eof())
        writer.close()
        await writer.wait_closed()

        async def client(i):
            r, w = await asyncio.open_connection("127.0.0.1", port)
            w.write(b"client %d\nquit\n" % i)
            await w.drain()
            lines = [await r.readline(), await r.readline(), await r.readline()]
            w.close()
            await w.wait_closed()
            return lines

        print(await asyncio.gather(*(client(i) for i in range(5))))

        r, w = await asyncio.open_connection("127.0.0.1", port)
        try:
            await asyncio.wait_for(r.readline(), 0.05)
        except asyncio.TimeoutError:
            print("read timed out")
        w.write(b"tail\n")
        w.write_eof()
        try:
            await r.readexactly(100)
        except asyncio.IncompleteReadError as e:
            print("incomplete", e.partial, e.expected)
        w.close()
        await w.wait_closed()
    print("server closed", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused", type(e).__name__)

    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"via sock_sendall")
    print(await loop.sock_recv(b, 100))
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen()
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(lsock))
    await loop.sock_connect(csock, lsock.getsockname())
    conn, addr = await accept
    await loop.sock_sendall(csock, b"accepted")
    conn.setblocking(False)
    print(await loop.sock_recv(conn, 100), addr[0])
    for s in (a, b, lsock, csock, conn):
        s.close()
    print("done")


asyncio.run(main())
