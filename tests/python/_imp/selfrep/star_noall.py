public = 'p'
_private = 'q'
def func(): return 'f'
