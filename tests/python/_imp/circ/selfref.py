# A module importing a name from itself before defining it.
from circ.selfref import LATER
LATER = 1
