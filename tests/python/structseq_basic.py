import _thread
A = _thread._ExceptHookArgs
a = A((ValueError, ValueError('x'), None, None))
print(a, a.exc_type, a[1], len(a), a == (ValueError, a.exc_value, None, None), A.n_fields, A.n_sequence_fields, A.n_unnamed_fields, A.__match_args__)
print(type(a).__name__, type(a).__module__, isinstance(a, tuple), a.__reduce__()[0] is A)
try: A((1, 2))
except TypeError as e: print(e)
try: a.thread = 5
except AttributeError as e: print(e)
match a:
    case A(t, v, tb, th): print('matched', t.__name__)
