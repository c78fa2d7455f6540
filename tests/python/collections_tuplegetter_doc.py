# namedtuple field descriptors (_tuplegetter) have a writable __doc__, as
# dis and urllib.parse rely on.
from collections import namedtuple

P = namedtuple('P', 'x y')
print(P.x.__doc__)
P.x.__doc__ = 'the x coordinate'
print(P.x.__doc__, P(1, 2).x, P(1, 2).y)
del P.y.__doc__
print(P.y.__doc__)
print(type(P.x).__name__, P.x.__reduce__()[1])
try:
    P(1, 2).x = 5
except AttributeError as e:
    print('AttributeError', e)
import dis
print(dis.Instruction.opname.__doc__)
