# State machines: a vending machine class with transitions and errors, a
# table-driven tokenizer for numbers, and a tiny regex matcher supporting
# . * ^ $ (recursive backtracking).

class VendingError(Exception):
    pass

class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    COINS = (200, 100, 50, 20, 10, 5)

    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.stock = {"cola": 2, "chips": 1, "candy": 5}
        self.bank = 0
        self.log = []

    def insert(self, coin):
        if coin not in self.COINS:
            raise VendingError("rejected coin %d" % coin)
        self.credit += coin
        self.state = "has_credit"
        self.log.append("insert %d -> credit %d" % (coin, self.credit))

    def choose(self, item):
        if self.state != "has_credit":
            raise VendingError("insert coins first")
        if item not in self.PRICES:
            raise VendingError("unknown item %r" % item)
        if self.stock[item] == 0:
            raise VendingError("%s sold out" % item)
        price = self.PRICES[item]
        if self.credit < price:
            raise VendingError("%s costs %d, credit %d" % (item, price, self.credit))
        self.stock[item] -= 1
        self.credit -= price
        self.bank += price
        change = self.refund()
        self.log.append("sold %s, change %r" % (item, change))
        return item, change

    def refund(self):
        change = []
        for c in self.COINS:
            while self.credit >= c:
                change.append(c)
                self.credit -= c
        self.state = "idle"
        return change

vm = VendingMachine()
script = [("choose", "cola"), ("insert", 100), ("insert", 3), ("insert", 100), ("choose", "cola"), ("insert", 200),
          ("choose", "chips"), ("insert", 50), ("choose", "chips"), ("choose", "water"), ("insert", 200), ("choose", "cola"),
          ("insert", 200), ("choose", "cola"), ("refund", None), ("insert", 50), ("insert", 20), ("choose", "candy")]
for action, arg in script:
    try:
        if action == "insert":
            vm.insert(arg)
            result = "ok"
        elif action == "choose":
            result = vm.choose(arg)
        else:
            result = vm.refund()
        print("%-7s %-6s -> %r   [state=%s credit=%d]" % (action, arg, result, vm.state, vm.credit))
    except VendingError as e:
        print("%-7s %-6s !! %s   [state=%s credit=%d]" % (action, arg, e, vm.state, vm.credit))
print(vm.stock, vm.bank, len(vm.log))

TRANSITIONS = {
    ("start", "sign"): "signed", ("start", "digit"): "int", ("signed", "digit"): "int",
    ("int", "digit"): "int", ("int", "dot"): "dot", ("start", "dot"): "lead_dot", ("lead_dot", "digit"): "frac",
    ("dot", "digit"): "frac", ("frac", "digit"): "frac", ("int", "exp"): "exp", ("frac", "exp"): "exp", ("dot", "exp"): "exp",
    ("exp", "sign"): "exp_sign", ("exp", "digit"): "exp_int", ("exp_sign", "digit"): "exp_int", ("exp_int", "digit"): "exp_int",
}
ACCEPT = {"int", "dot", "frac", "exp_int"}
def classify(ch):
    if ch.isdigit():
        return "digit"
    return {"+": "sign", "-": "sign", ".": "dot", "e": "exp", "E": "exp"}.get(ch, "other")
def is_number(s):
    state = "start"
    for ch in s:
        state = TRANSITIONS.get((state, classify(ch)))
        if state is None:
            return False
    return state in ACCEPT
for s in ["0", "-12", "+3.5", "1e10", "2.5E-3", ".5", "5.", "e5", "1e", "--1", "1.2.3", "", "+", "12a", "6.02e+23"]:
    ok = is_number(s)
    print(repr(s), ok, float(s) if ok else "-")

def match(pattern, text):
    if pattern.startswith("^"):
        return match_here(pattern[1:], text)
    for i in range(len(text) + 1):
        if match_here(pattern, text[i:]):
            return True
    return False
def match_here(p, t):
    if not p:
        return True
    if len(p) >= 2 and p[1] == "*":
        return match_star(p[0], p[2:], t)
    if p == "$":
        return t == ""
    if t and (p[0] == "." or p[0] == t[0]):
        return match_here(p[1:], t[1:])
    return False
def match_star(c, p, t):
    i = 0
    while True:
        if match_here(p, t[i:]):
            return True
        if i < len(t) and (c == "." or t[i] == c):
            i += 1
        else:
            return False
tests = [("abc", "xabcx"), ("^abc", "xabc"), ("^abc", "abcd"), ("abc$", "xxabc"), ("a.c", "abc"), ("a.c", "ac"),
         ("ab*c", "ac"), ("ab*c", "abbbbc"), ("^a.*z$", "abcz"), ("^a.*z$", "abczy"), (".*", ""), ("^$", ""), ("x*y*z", "zzz")]
for p, t in tests:
    print("%-8s %-8s %s" % (p, t, match(p, t)))
