# breakpoint() calls sys.breakpointhook with its arguments; the names the
# site module adds (exit, quit, help, copyright ...); __debug__,
# Ellipsis and NotImplemented; every builtin CPython has exists.
import sys
seen = []
def hook(*args, **kwargs):
    seen.append((args, kwargs))
    return 'hook result'
sys.breakpointhook = hook
print('breakpoint returns:', breakpoint())
print('with arguments:', breakpoint(1, 2, key='v'))
print('hook saw:', seen)
print('__breakpointhook__ is a function:', callable(sys.__breakpointhook__))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print('RuntimeError:', e)
sys.breakpointhook = sys.__breakpointhook__

import builtins
print('Quitter reprs:', repr(exit), '|', repr(quit))
print('help:', repr(help))
print('site names present:', [n for n in ('exit', 'quit', 'help', 'copyright', 'credits', 'license') if hasattr(builtins, n)])
try:
    quit(7)
except SystemExit as e:
    print('quit(7):', e.code)
print('__debug__:', __debug__, builtins.__debug__)
print('Ellipsis:', Ellipsis, ... is Ellipsis, type(...).__name__)
print('NotImplemented:', NotImplemented, type(NotImplemented).__name__)
print('None/True/False on builtins:', getattr(builtins, 'None'), getattr(builtins, 'True'), getattr(builtins, 'False'))
expected = '''ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning
GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError
OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning
StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit
TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError
UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning
ValueError Warning ZeroDivisionError __build_class__ __debug__ __doc__ __import__
__loader__ __name__ __package__ __spec__ abs aiter all anext any ascii bin bool
breakpoint bytearray bytes callable chr classmethod compile complex copyright credits
delattr dict dir divmod enumerate eval exec exit filter float format frozenset
getattr globals hasattr hash help hex id input int isinstance issubclass iter len
license list locals map max memoryview min next object oct open ord pow print
property quit range repr reversed round set setattr slice sorted staticmethod str
sum super tuple type vars zip'''.split()
missing = [n for n in expected if not hasattr(builtins, n) and n not in ('copyright', 'credits', 'license', 'memoryview', 'open')]
print('missing builtins:', missing)
print('builtins.__name__:', builtins.__name__, '| __spec__.origin:', builtins.__spec__.origin)
