# A BaseExceptionGroup holding a KeyboardInterrupt and a SystemExit
# escapes: still an ordinary traceback and status 1.
try:
    raise BaseExceptionGroup("stop", [KeyboardInterrupt(), SystemExit(3)])
except* SystemExit as e:
    print("saw", repr(e))
    raise
