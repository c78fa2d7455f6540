# A custom exception with attributes escapes the program; its __str__
# becomes the last line of the traceback.

class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return "field %r: %s" % (self.field, self.problem)

def validate(record):
    for field in ("name", "age"):
        if field not in record:
            raise ValidationError(field, "missing")
    if not isinstance(record["age"], int) or record["age"] < 0:
        raise ValidationError("age", "must be a non-negative int, got %r" % (record["age"],))
    return True

records = [{"name": "a", "age": 3}, {"name": "b"}, {"name": "c", "age": -1}]
for r in records[:2]:
    try:
        print(validate(r))
    except ValidationError as e:
        print("caught:", e, e.args)
print("validating the last record without a handler")
validate(records[2])
