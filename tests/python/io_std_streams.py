# sys.stdin/stdout/stderr are _io.TextIOWrapper objects over buffered
# objects over FileIO on fds 0, 1, 2 (under the test runner: stdout and
# stderr are pipes, stdin is /dev/null); writing through .buffer; flush
# order; the __std*__ originals.
import sys
import _io

for name in ["stdin", "stdout", "stderr"]:
    s = getattr(sys, name)
    print(name, type(s).__name__, isinstance(s, _io.TextIOWrapper), repr(s))
    print("  ", s.name, s.mode, s.encoding, s.line_buffering if name != "stdout" else "-",
          s.write_through, s.newlines, s.closed, s.fileno())
    print("  ", type(s.buffer).__name__, repr(s.buffer), type(s.buffer.raw).__name__,
          repr(s.buffer.raw), s.buffer.raw.closefd)
    print("  ", s.readable(), s.writable(), s.isatty(), s is getattr(sys, "__%s__" % name))
print(sys.stderr.errors)

# stdout is block-buffered on a pipe: what goes straight to the buffer
# comes out before what the text layer still holds, unless it is flushed.
print("first, through print")
sys.stdout.flush()
sys.stdout.buffer.write(b"second, through the buffer\n")
sys.stdout.buffer.flush()
print("third")
sys.stdout.write("fourth\n")
print(sys.stdout.buffer.write(b""), sys.stdout.write(""))
sys.stdout.flush()
sys.stdout.buffer.raw.write(b"fifth, raw\n")
print("sixth", flush=True)

# stdin reads nothing (the runner gives /dev/null).
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
print(repr(sys.stdin.buffer.read()), sys.stdin.buffer.raw.mode)
try:
    sys.stdin.write("x")
except Exception as e:
    print(type(e).__name__, e)
try:
    sys.stdout.read()
except Exception as e:
    print(type(e).__name__, e)

# Replacing and restoring sys.stdout.
orig = sys.stdout
sys.stdout = _io.StringIO()
print("hidden")
hidden = sys.stdout.getvalue()
sys.stdout = sys.__stdout__
print(repr(hidden), sys.stdout is orig)

# A TextIOWrapper of our own over stdout's buffer.
sys.stdout.flush()
w = _io.TextIOWrapper(sys.stdout.buffer, encoding="latin-1", write_through=True)
w.write("via a second wrapper\n")
w.detach()
print("last line")
