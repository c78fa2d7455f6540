# Shared by the str/bytes/codecs tests: run a thunk, print its repr or
# the exception it raised (type and message).


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r))
