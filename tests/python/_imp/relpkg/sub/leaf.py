from ..sibling import helper, VALUE
from . import __name__ as sub_name
from .. import sub
import relpkg.sibling as sib_abs
RESULT = (helper(), VALUE, sub_name, sub.__name__, sib_abs.VALUE)
