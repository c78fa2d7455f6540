# gc-stress: 20
# How an uncaught SyntaxError is shown: the source line (indentation dropped,
# trailing blanks kept), the caret position and width (clipped to the line,
# none when the offset falls in the indentation, one for IndentationError),
# for errors from the compiler and for SyntaxErrors raised by hand.
import subprocess
import sys

def show(code):
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    # Drop the first line (Traceback header or nothing) and the file names.
    lines = [l for l in r.stderr.splitlines() if not l.startswith("  File ")]
    print(r.returncode, lines)

cases = [
    ("  pass\n", 7, -1), ("  pass\n", 3, 5), ("  pass\n", 3, 99), ("  pass\n", 1, 3),
    ("b = a ++ \n", 10, 10), ("b = a ++ \n", 12, 10), ("x = {1: 2, 3}\n", 12, 0),
    ("x = 'abc", 5, 9), ("ab\ncd\n", 4, 5), ("\tpass\n", 1, 0), ("  pass", 0, 0),
    ("  pass", None, None), ("  pass\n", 3, 2), ("  pass  \n", 3, 20),
]
for text, off, end in cases:
    show(f"raise SyntaxError('m', ('f.py', 1, {off!r}, {text!r}, 1, {end!r}))")
show("raise IndentationError('m', ('f.py', 2, 1, 'print(1)\\n', 2, 6))")
show("raise SyntaxError('m', ('f.py', 2, 1, 'print(1)\\n', 2, 6))")
# The compiler's own errors.
for src in ['x = "abc\n', 'y = 1\nz = """abc\ndef\n', 'if x = 3:\n  pass\n',
            'while y = (1 + 2) * 3 and z:\n  pass\n', 'b = a ++ \n',
            'if True:\nprint(1)\n', 'def f():\n  return 1\n    x = 2\n']:
    show(f"compile({src!r}, 'f.py', 'exec')")
