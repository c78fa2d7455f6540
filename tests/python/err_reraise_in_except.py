# An error raised while handling another one: the traceback shows
# "During handling of the above exception, another exception occurred:"
# and ends with the second exception.

def parse_port(text):
    try:
        port = int(text)
    except ValueError:
        print("bad port text:", repr(text))
        raise RuntimeError("cannot configure port from %r" % text)
    if not 0 < port < 65536:
        raise ValueError("port out of range: %d" % port)
    return port

for t in ("80", "8080"):
    print(parse_port(t))
try:
    parse_port("70000")
except ValueError as e:
    print("ValueError:", e)
parse_port("eighty")
