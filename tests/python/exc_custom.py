# Custom exception classes: attributes, __init__ with super(), __str__
# overrides, hierarchies and catching by base class, exceptions as values.

class BankError(Exception):
    """Base of the bank's errors."""

class InsufficientFunds(BankError):
    def __init__(self, account, needed, available):
        super().__init__("account %s needs %d more" % (account, needed - available))
        self.account = account
        self.needed = needed
        self.available = available

class FrozenAccount(BankError):
    def __init__(self, account):
        self.account = account
    def __str__(self):
        return "account %s is frozen" % self.account

class AuditError(BankError):
    pass

def withdraw(accounts, name, amount):
    acct = accounts[name]
    if acct.get("frozen"):
        raise FrozenAccount(name)
    if acct["balance"] < amount:
        raise InsufficientFunds(name, amount, acct["balance"])
    acct["balance"] -= amount
    return acct["balance"]

accounts = {"ann": {"balance": 100}, "bob": {"balance": 20, "frozen": True}, "cy": {"balance": 5}}
for name, amt in [("ann", 30), ("ann", 100), ("bob", 1), ("cy", 5), ("cy", 1), ("dan", 1)]:
    try:
        print(name, "->", withdraw(accounts, name, amt))
    except InsufficientFunds as e:
        print(name, "InsufficientFunds:", e, e.args, e.account, e.needed, e.available)
    except BankError as e:
        print(name, type(e).__name__ + ":", e, e.args, repr(e))
    except KeyError as e:
        print(name, "KeyError:", e)

print(issubclass(InsufficientFunds, BankError), issubclass(BankError, Exception), InsufficientFunds.__mro__[1].__name__, BankError.__doc__)

class WithDefault(Exception):
    def __init__(self, msg="default message", code=500):
        super().__init__(msg)
        self.code = code
for exc in (WithDefault(), WithDefault("custom"), WithDefault(code=404)):
    print(repr(exc), str(exc), exc.code)

class NoSuperInit(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
e = NoSuperInit(1, 2)
print(repr(e), str(e), e.args, e.a + e.b)

class Multi(ValueError, KeyError):
    pass
try:
    raise Multi("both")
except KeyError as e:
    print("caught as KeyError:", repr(e), isinstance(e, ValueError), str(e))

class ParseError(Exception):
    def __init__(self, line, col, msg):
        super().__init__(line, col, msg)
        self.line, self.col, self.msg = line, col, msg
    def __str__(self):
        return "%d:%d: %s" % (self.line, self.col, self.msg)
def parse(text):
    for ln, line in enumerate(text.splitlines(), 1):
        for col, ch in enumerate(line, 1):
            if ch == "?":
                raise ParseError(ln, col, "unexpected %r" % ch)
    return "ok"
for text in ("abc\ndef", "ab\nc?d", "?"):
    try:
        print(parse(text))
    except ParseError as e:
        print("ParseError", e, e.args)

errors = []
for v in ["1", "x", "2", None, "3.5"]:
    try:
        errors.append(int(v))
    except (ValueError, TypeError) as e:
        errors.append(e)
print([type(x).__name__ if isinstance(x, Exception) else x for x in errors])
print([str(x) for x in errors if isinstance(x, Exception)])

class Retry(Exception):
    pass
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retry("attempt %d failed" % attempts)
    return "succeeded after %d" % attempts
while True:
    try:
        print(flaky())
        break
    except Retry as e:
        print("retrying:", e)

class StopAll(BaseException):
    pass
try:
    try:
        raise StopAll("base")
    except Exception:
        print("not caught by Exception")
except StopAll as e:
    print("caught BaseException subclass:", e)
print(str(KeyError("k")), str(KeyError("k", "v")), str(KeyError()), repr(KeyError(1)), str(IndexError(5)), str(OSError(2, "No such file")))
print(repr(Exception("a", "b")), str(Exception("a", "b")), str(Exception(None)), repr(BaseException()))
