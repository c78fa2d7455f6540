# An exception group escapes the program: the boxed traceback on stderr,
# exit status 1.
def work(i):
    if i % 2:
        raise ValueError(f"odd {i}")
    raise TypeError(f"even {i}")


errors = []
for i in range(4):
    try:
        work(i)
    except Exception as e:
        errors.append(e)
print("collected", len(errors))
raise ExceptionGroup("work failed", errors)
