'''A package docstring.'''
from . import alpha
__all__ = ['alpha', 'beta', 'PUBLIC']
PUBLIC = 'public'
_private = 'private'
