# The __main__ module of a script: its attributes, `if __name__ ==
# '__main__'`, `import __main__` from another module, and globals shared
# through it.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

print('__name__:', __name__)
print('__spec__:', __spec__, '| __package__:', __package__, '| __cached__:', __cached__)
print('__file__ ends with:', __file__.rsplit('/', 1)[-1], '| absolute:', __file__.startswith('/'))
print('__loader__:', type(__loader__).__name__, __loader__.name, __loader__.path == __file__)
print('__builtins__ is the module:', __builtins__ is sys.modules['builtins'])
print('__doc__:', __doc__)
print('annotations:', __annotations__)
x: int = 3
print('annotations after x: int:', __annotations__)
print('globals are sys.modules["__main__"].__dict__:', globals() is sys.modules['__main__'].__dict__)
print('keys:', [k for k in globals() if k.startswith('__')])

SHARED = 'shared through __main__'
import uses_main
print('seen from another module:', uses_main.MAIN_NAME, uses_main.main_value(), uses_main.IS_MAIN)
import __main__
print('import __main__ is this module:', __main__ is sys.modules[__name__], __main__.x)

def run():
    return 'run() called because __name__ is __main__'
if __name__ == '__main__':
    print(run())
ns = {'__name__': 'not_main'}
exec("if __name__ == '__main__':\n    print('wrong')\nelse:\n    print('exec as', __name__)", ns)
print('main source via loader:', __loader__.get_source('__main__').splitlines()[0])
