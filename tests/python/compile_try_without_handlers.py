# 'try' without 'except' or 'finally': CPython reports the token after the
# block (a dedent further out: its column and no end; the end of the input:
# past the last line).
import sys

from _helper_syntax import show_display

cases = ['if 1:\n    try: f()\nprint(1)\n', 'try: f()\nprint(1)\n', 'try:\n    f()\nprint(1)\n', 'try:\n    f()\n', 'try:\n    f()', 'try: f()', 'try:\n    f()\nx = 1', 'try: f()\n\n\nx = 1', 'def g():\n    try:\n        f()\n    x = 1\n', 'try:\n    f()\n# c\nx = 1', 'try:\n    if x:\n        y\nz\n', 'if 1:\n    try:\n        if x:\n            y\nz\n', 'if 1:\n    try:\n        f()\n  # c\nz\n', 'try:\n    f()\n    # c\n', 'class A:\n    try: f()\n    x = 2\n', 'while 1:\n  if 1:\n    try: f()\n  x\n']
for s in cases:
    try:
        compile(s, 's', 'exec')
        print('ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        show_display(e)
