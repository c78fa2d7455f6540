print('relpkg.sibling runs, __name__ =', __name__, '__package__ =', __package__)
def helper():
    return 'helper from ' + __name__
VALUE = 42
