# Shared by the compile_* tests: prints a SyntaxError's display (what the
# interpreter prints for an uncaught one) on stdout, without a traceback.
import sys


def show_display(e):
    saved = sys.stderr
    sys.stderr = sys.stdout
    try:
        sys.__excepthook__(type(e), e.with_traceback(None), None)
    finally:
        sys.stderr = saved
