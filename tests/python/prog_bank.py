# A small bank simulation: accounts, transfers, interest, overdraft rules,
# a transaction log, a deterministic pseudo-random workload, a final report.

class InsufficientFunds(Exception):
    pass

class AccountClosed(Exception):
    pass

class Account:
    next_number = 1000

    def __init__(self, owner, balance=0, kind="checking"):
        self.number = Account.next_number
        Account.next_number += 1
        self.owner = owner
        self.balance = balance
        self.kind = kind
        self.open = True
        self.history = [("open", balance)]

    def _check(self):
        if not self.open:
            raise AccountClosed("account %d is closed" % self.number)

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive, got %d" % amount)
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check()
        limit = 100 if self.kind == "checking" else 0
        if amount > self.balance + limit:
            raise InsufficientFunds("%s: balance %d, limit %d, wanted %d" % (self.owner, self.balance, limit, amount))
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def close(self):
        self._check()
        self.open = False
        self.history.append(("close", self.balance))
        return self.balance

    def __repr__(self):
        return "<%s #%d %s %d%s>" % (self.kind, self.number, self.owner, self.balance, "" if self.open else " closed")


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.log = []

    def open(self, owner, balance=0, kind="checking"):
        acct = Account(owner, balance, kind)
        self.accounts[acct.number] = acct
        self.log.append("open %d for %s" % (acct.number, owner))
        return acct

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(amount)
        except (InsufficientFunds, AccountClosed) as e:
            self.log.append("FAILED transfer %d->%d of %d: %s" % (src, dst, amount, e))
            return False
        try:
            b.deposit(amount)
        except AccountClosed as e:
            a.deposit(amount)
            self.log.append("ROLLBACK transfer %d->%d: %s" % (src, dst, e))
            return False
        self.log.append("transfer %d->%d of %d" % (src, dst, amount))
        return True

    def apply_interest(self, rate_percent):
        for acct in self.accounts.values():
            if acct.open and acct.kind == "savings" and acct.balance > 0:
                interest = acct.balance * rate_percent // 100
                acct.deposit(interest) if interest > 0 else None
                self.log.append("interest %d on %d" % (interest, acct.number))

    def total(self):
        return sum(a.balance for a in self.accounts.values() if a.open)

    def report(self):
        lines = ["== %s ==" % self.name]
        for num in sorted(self.accounts):
            a = self.accounts[num]
            lines.append("%6d %-8s %-9s %8d %s" % (num, a.owner, a.kind, a.balance, "open" if a.open else "closed"))
        lines.append("total in open accounts: %d" % self.total())
        return "\n".join(lines)


bank = Bank("First Python Bank")
alice = bank.open("alice", 500)
bob = bank.open("bob", 50)
carol = bank.open("carol", 1000, "savings")
dave = bank.open("dave", 0, "savings")
print(alice, bob, carol, dave)

print(bank.transfer(alice.number, bob.number, 200))
print(bank.transfer(bob.number, dave.number, 400))
print(bank.transfer(bob.number, dave.number, 300))
print(bank.transfer(dave.number, carol.number, 301))
print(bank.transfer(dave.number, carol.number, 300))
bank.apply_interest(5)
print(dave.close(), dave)
print(bank.transfer(alice.number, dave.number, 10))
try:
    dave.deposit(5)
except AccountClosed as e:
    print("AccountClosed:", e)
try:
    alice.deposit(-5)
except ValueError as e:
    print("ValueError:", e)

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % n

numbers = [alice.number, bob.number, carol.number]
ok = failed = 0
for step in range(40):
    src = numbers[rand(3)]
    dst = numbers[rand(3)]
    if src == dst:
        continue
    amount = rand(300) + 1
    if bank.transfer(src, dst, amount):
        ok += 1
    else:
        failed += 1
    if step % 10 == 9:
        bank.apply_interest(1)
        print("after step", step + 1, [bank.accounts[n].balance for n in numbers], bank.total())
print("transfers ok:", ok, "failed:", failed)
print(bank.report())
for line in bank.log[:12]:
    print(line)
print("...", len(bank.log), "log lines")
print([h for h in carol.history if h[0] != "deposit"][:3], len(alice.history), alice.history[-3:])
