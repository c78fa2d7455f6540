# getattr/setattr/delattr/hasattr: defaults, which exceptions a default
# (or hasattr) swallows, descriptors and __getattr__ involved, and
# CPython's messages for wrong arguments.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

class C:
    cls_attr = 'class'
    def __init__(self):
        self.inst = 'instance'
    @property
    def prop(self):
        return 'property'
    @property
    def broken(self):
        raise ValueError('broken property')
    @property
    def missing_prop(self):
        raise AttributeError('from the property')
c = C()
t('getattr instance', lambda: getattr(c, 'inst'))
t('getattr class attr', lambda: getattr(c, 'cls_attr'))
t('getattr property', lambda: getattr(c, 'prop'))
t('getattr missing', lambda: getattr(c, 'nope'))
t('getattr default', lambda: getattr(c, 'nope', 'default'))
t('getattr default None', lambda: getattr(c, 'nope', None))
t('getattr property AttributeError', lambda: getattr(c, 'missing_prop', 'default'))
t('getattr property ValueError', lambda: getattr(c, 'broken', 'default'))
t('hasattr property ValueError', lambda: hasattr(c, 'broken'))
t('hasattr property AttributeError', lambda: hasattr(c, 'missing_prop'))
t('getattr name int', lambda: getattr(c, 1))
t('getattr name int default', lambda: getattr(c, 1, 2))
t('getattr no args', lambda: getattr())
t('getattr one arg', lambda: getattr(c))
t('getattr four args', lambda: getattr(c, 'a', 1, 2))
t('getattr keyword', lambda: getattr(c, 'a', default=1))

class S(str):
    pass
t('str subclass name', lambda: getattr(c, S('inst')))

class Dyn:
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:]
        if name == 'oops':
            raise KeyError(name)
        raise AttributeError(f'Dyn has no {name}')
d = Dyn()
t('__getattr__ value', lambda: getattr(d, 'dyn_x'))
t('__getattr__ AttributeError', lambda: getattr(d, 'other'))
t('__getattr__ default', lambda: getattr(d, 'other', 'dflt'))
t('__getattr__ KeyError with default', lambda: getattr(d, 'oops', 'dflt'))
t('hasattr __getattr__', lambda: (hasattr(d, 'dyn_q'), hasattr(d, 'other')))

t('setattr', lambda: (setattr(c, 'new', 1), c.new))
t('setattr returns', lambda: setattr(c, 'new', 2))
t('setattr name int', lambda: setattr(c, 1, 2))
t('setattr too few', lambda: setattr(c, 'x'))
t('setattr on int', lambda: setattr(1, 'x', 2))
t('setattr on object()', lambda: setattr(object(), 'x', 2))
t('setattr read-only property', lambda: setattr(c, 'prop', 1))
t('setattr builtin type', lambda: setattr(int, 'x', 1))
t('delattr', lambda: (delattr(c, 'new'), hasattr(c, 'new')))
t('delattr again', lambda: delattr(c, 'new'))
t('delattr class attr through instance', lambda: delattr(c, 'cls_attr'))
t('delattr on class', lambda: (delattr(C, 'cls_attr'), hasattr(C, 'cls_attr')))
t('delattr name int', lambda: delattr(c, 5))
t('delattr three args', lambda: delattr(c, 'a', 'b'))
t('hasattr no args', lambda: hasattr())
t('hasattr name int', lambda: hasattr(c, 5))
t('hasattr keyword', lambda: hasattr(c, name='x'))

class Watch:
    def __setattr__(self, name, value):
        print('  __setattr__', name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print('  __delattr__', name)
        object.__delattr__(self, name)
w = Watch()
setattr(w, 'v', 1)
delattr(w, 'v')
import sys
t('module attribute', lambda: getattr(sys, 'maxsize') > 0)
t('module missing', lambda: getattr(sys, 'no_such_attr'))
t('type missing', lambda: getattr(int, 'no_such_attr'))
