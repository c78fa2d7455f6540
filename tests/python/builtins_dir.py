# dir(): of the current scope, of objects with and without __dir__, of
# classes (with metaclass attributes left out) and modules; the result
# is always a sorted list; errors from __dir__.
def local_scope():
    b = 1
    a = 2
    return dir()
print('function scope:', local_scope())
print('module scope has these:', [n for n in dir() if n in ('local_scope', '__name__')])

class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
names = dir(Child())
print('instance:', [n for n in names if not n.startswith('__')])
print('sorted:', names == sorted(names), '| a list:', type(names).__name__)
print('class:', [n for n in dir(Child) if not n.startswith('__')])

class Meta(type):
    meta_attr = 'on the metaclass'
class WithMeta(metaclass=Meta):
    own = 1
print('metaclass attrs not in dir(class):', 'meta_attr' in dir(WithMeta), '| own:', 'own' in dir(WithMeta))
print('but in dir(metaclass):', 'meta_attr' in dir(Meta))

class Custom:
    def __dir__(self):
        return ['zeta', 'alpha', 'alpha', 'mid']
print('custom __dir__ (sorted, duplicates kept):', dir(Custom()))
class TupleDir:
    def __dir__(self):
        return ('b', 'a')
print('tuple from __dir__:', dir(TupleDir()))
class GenDir:
    def __dir__(self):
        yield 'y'
        yield 'x'
print('generator from __dir__:', dir(GenDir()))
class BadDir:
    def __dir__(self):
        return 42
try:
    dir(BadDir())
except TypeError as e:
    print('TypeError:', e)
class MixedDir:
    def __dir__(self):
        return ['a', 1]
try:
    dir(MixedDir())
except TypeError as e:
    print('TypeError:', e)
class RaisingDir:
    def __dir__(self):
        raise ValueError('no listing')
try:
    dir(RaisingDir())
except ValueError as e:
    print('ValueError:', e)
try:
    dir(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    dir(x=1)
except TypeError as e:
    print('TypeError:', e)

print('int has:', [n for n in ('real', 'imag', 'bit_length', '__add__') if n in dir(5)])
print('None:', [n for n in dir(None) if not n.startswith('__')])
import sys
print('module:', [n for n in dir(sys) if n in ('argv', 'path', 'modules')])
print('a module is sorted too:', dir(sys) == sorted(dir(sys)))
print('type:', 'mro' in dir(type), '__mro__' in dir(type), '__name__' in dir(int))
