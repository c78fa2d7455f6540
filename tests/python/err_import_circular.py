# An uncaught circular-import error: the last traceback line names the
# partially initialized module.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')
print('importing')
from circ import selfref
