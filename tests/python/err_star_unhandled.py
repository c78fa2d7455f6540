# except* handles part of a group; the rest escapes uncaught.
def tasks():
    raise ExceptionGroup("tasks", [ValueError("bad value"), KeyError("missing"),
                                   ExceptionGroup("nested", [OSError(2, "No such file")])])


try:
    tasks()
except* ValueError as e:
    print("handled", repr(e.exceptions))
except* KeyError as e:
    print("handled keys", repr(e.exceptions))
