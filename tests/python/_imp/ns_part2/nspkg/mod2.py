NAME = 'mod2 in part 2'
from . import mod1
OTHER = mod1.NAME
