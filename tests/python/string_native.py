import _string as s
tests=['', 'abc', '{}', '{0}{1}', 'a{{b', 'a}}b', '{:>{w}}', '{x!s}', '{x!}', '{x!r', '{', '}', 'a{b', '{0[1]:x}', '{a[}b]}', '{0:{1}}x', '{!r}', '{:}', 'é{ü}ß']
for t in tests:
  try: print(repr(t), list(s.formatter_parser(t)))
  except Exception as e: print(repr(t), type(e).__name__, e)
for t in ['x', '0', 'x.y', 'x[0]', 'x[a].b', 'x.', 'x[', 'x[0]y', '', '00', 'x[-1]', '1.2']:
  try: f, r = s.formatter_field_name_split(t); print(repr(t), repr(f), list(r))
  except Exception as e: print(repr(t), type(e).__name__, e)
print(type(s.formatter_parser('')).__name__, type(s.formatter_field_name_split('a')[1]).__name__)
