print('circ.a start')
from circ import b
A_VALUE = 'a'
print('circ.a end')
