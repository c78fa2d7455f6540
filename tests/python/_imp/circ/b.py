print('circ.b start')
import circ.a
try:
    from circ.a import A_VALUE
except ImportError as e:
    msg, _, where = str(e).rpartition(' (')
    print('ImportError in b:', msg)
    print('  at:', where.rsplit('/', 2)[-2:], '| name:', e.name, '| path ends with circ/a.py:', e.path.endswith('circ/a.py'))
try:
    circ.a.A_VALUE
except AttributeError as e:
    print('AttributeError in b:', e)
print('circ.b end')
