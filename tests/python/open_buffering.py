# buffering: 0 gives the raw FileIO (binary only), 1 is line buffering in
# text mode, N sets the buffer size; what reaches the file before flush()
# and close(), write_through, and flush() on each layer.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_buffering")
p = tmp.path("b.txt")


def on_disk():
    with open(p, "rb") as r:
        return r.read()


# Unbuffered binary: every write is on disk at once.
f = open(p, "wb", buffering=0)
print(type(f).__name__, f.write(b"abc"), on_disk())
f.close()

# Block-buffered binary: nothing until the buffer fills or flush().
f = open(p, "wb", buffering=8)
print(type(f).__name__, f.write(b"1234"), on_disk())
print(f.write(b"5678"), on_disk())
print(f.write(b"9"), on_disk())
print(f.write(b"abcdefghijklmnop"), on_disk())
f.flush()
print(on_disk())
f.close()

# Line-buffered text: each newline flushes (and so does '\r').
f = open(p, "w", buffering=1)
print(f.line_buffering, f.write("no newline"), on_disk())
print(f.write(" then\n"), on_disk())
print(f.write("cr\r"), on_disk())
print(f.write("x"), on_disk())
f.close()
print(on_disk())

# Default text buffering: on disk at close.
f = open(p, "w")
print(f.line_buffering, f.write("hello\n"), on_disk())
f.flush()
print(on_disk())
f.write("more")
f.close()
print(on_disk())

# Larger writes than the buffer go through.
f = open(p, "w", buffering=16)
f.write("y" * 100)
print(len(on_disk()) > 0)
f.close()
print(len(on_disk()))

# buffering=1 in binary mode uses the default buffer (a RuntimeWarning in
# CPython is not shown here), and reads with small buffers.
with open(p, "wb") as w:
    w.write(b"line one\nline two\nline three\n")
f = open(p, "rb", buffering=4)
print(f.readline(), f.read(3), f.peek(1)[:1], f.readline(), f.read())
f.close()

# reconfigure(line_buffering=True) and write_through.
f = open(p, "w")
f.reconfigure(line_buffering=True)
f.write("a\n")
print(f.line_buffering, on_disk())
f.reconfigure(line_buffering=False, write_through=True)
f.write("b")
print(f.write_through, on_disk())
f.close()

# flush() reaches through the text layer and the buffer.
f = open(p, "w")
f.write("t")
print(on_disk())
f.buffer.flush()
print(on_disk())
f.flush()
print(on_disk())
f.close()

# A buffered writer over the raw file of another: the first flush wins.
raw = open(p, "wb", buffering=0)
import _io
bw = _io.BufferedWriter(raw, 4)
bw.write(b"12")
print(on_disk())
bw.write(b"345")
print(on_disk())
bw.close()
print(on_disk(), raw.closed)

tmp.cleanup()
