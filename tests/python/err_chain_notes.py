# An uncaught exception with a cause, a context and notes.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        err = RuntimeError(f"cannot parse {s!r}")
        err.add_note("input came from the config file")
        err.add_note("line 3")
        raise err from e


def load():
    try:
        {}["config"]
    except KeyError:
        parse("x1")


load()
