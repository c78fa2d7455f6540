# A package whose submodules import each other relatively.
print('relpkg init, __package__ =', __package__)
TOP = 'top-level value'
from . import sibling
from .sibling import helper as _helper
