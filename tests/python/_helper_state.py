# Helper module with module-level state (not a test itself).
counter = 0
log = []


def bump(n=1):
    global counter
    counter += n
    log.append(counter)
    return counter


def get():
    return counter


class Config:
    debug = False


def uses_other():
    import _helper_shapes
    return _helper_shapes.PI_APPROX
