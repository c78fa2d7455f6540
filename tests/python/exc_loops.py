# Exceptions interacting with loops and comprehensions: try inside loops
# with continue/break/else, exceptions escaping comprehensions and
# generator expressions, cleanup order, counting retries, error
# accumulation, exceptions raised in nested function calls inside loops.

def parse_all(items):
    good, bad = [], []
    for item in items:
        try:
            value = int(item)
        except ValueError:
            bad.append(item)
            continue
        except TypeError as e:
            bad.append(type(e).__name__)
            continue
        else:
            if value < 0:
                break
            good.append(value)
        finally:
            pass
    else:
        return good, bad, "completed"
    return good, bad, "stopped at negative"
print(parse_all(["1", "x", "2", None, "3"]))
print(parse_all(["4", "-1", "5"]))
print(parse_all([]))

def first_failure(funcs):
    for i, f in enumerate(funcs):
        try:
            f()
        except Exception as e:
            return i, type(e).__name__
    return None
print(first_failure([lambda: 1, lambda: [][1], lambda: 1 / 0]), first_failure([lambda: 0]))

try:
    squares = [1 / (x - 3) for x in range(5)]
except ZeroDivisionError as e:
    print("comprehension raised:", e)
try:
    total = sum(int(s) for s in ["1", "2", "three", "4"])
except ValueError as e:
    print("generator expression raised:", e)
try:
    d = {k: {"a": 1}[k] for k in "ab"}
except KeyError as e:
    print("dict comprehension raised KeyError:", e)

attempts = []
def unreliable(n):
    attempts.append(n)
    if len(attempts) % 3:
        raise ConnectionError("attempt %d failed" % len(attempts))
    return "ok on attempt %d" % len(attempts)
for job in range(3):
    for retry in range(5):
        try:
            print("job", job, unreliable(job))
            break
        except ConnectionError as e:
            print("job", job, "retry", retry, e)
    else:
        print("job", job, "gave up")
print(len(attempts), isinstance(ConnectionError("x"), OSError))

errors = []
def validate(record):
    if "id" not in record:
        raise KeyError("id")
    if not isinstance(record["id"], int):
        raise TypeError("id must be int")
    if record["id"] < 0:
        raise ValueError("id must be positive")
    return record["id"]
ids = []
for rec in [{"id": 1}, {}, {"id": "2"}, {"id": -3}, {"id": 4}]:
    try:
        ids.append(validate(rec))
    except (KeyError, TypeError, ValueError) as e:
        errors.append("%s(%s)" % (type(e).__name__, e))
print(ids, errors)

log = []
for i in range(4):
    try:
        try:
            log.append("try %d" % i)
            if i == 1:
                continue
            if i == 2:
                raise RuntimeError(i)
            if i == 3:
                break
        finally:
            log.append("finally %d" % i)
    except RuntimeError as e:
        log.append("caught %s" % e)
print(log)

def nested_loops():
    found = []
    for a in range(5):
        try:
            for b in range(5):
                if b == 0:
                    continue
                if a % b == 3:
                    raise StopIteration((a, b))
        except StopIteration as s:
            found.append(s.args[0])
    return found
print(nested_loops())
count = 0
while True:
    try:
        count += 1
        if count == 5:
            raise OverflowError("enough")
    except OverflowError:
        break
    finally:
        log.append(count)
print(count, log[-5:])
results = []
for x in [2, 0, "a", 5]:
    try:
        results.append(10 / x)
    except ZeroDivisionError:
        results.append("inf")
    except TypeError:
        results.append("nan")
print(results)
def gen_with_errors():
    for x in [1, 0, 2]:
        try:
            yield 10 // x
        except GeneratorExit:
            raise
        except ZeroDivisionError:
            yield "div0"
print(list(gen_with_errors()))
