# hello.py: a first program for ftpy.
#
# Shows plain Python running on ftpy with no imports at all: functions,
# loops, lists and list comprehensions, a dict used for counting, string
# methods and f-strings, and a small class.  Run it with:
#
#     target/release/ftpy examples/hello.py
#
# and compare with `python3 examples/hello.py`: the output is the same.


def primes_below(limit):
    """The sieve of Eratosthenes."""
    is_prime = [True] * limit
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit, n):
                is_prime[multiple] = False
    return [n for n in range(limit) if is_prime[n]]


def fibonacci(count):
    numbers = [0, 1]
    while len(numbers) < count:
        numbers.append(numbers[-1] + numbers[-2])
    return numbers[:count]


def word_count(text):
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,!?")
        counts[word] = counts.get(word, 0) + 1
    return counts


class Account:
    """A tiny bank account."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"{self.owner} cannot withdraw {amount}: only {self.balance} left")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


def main():
    print("Hello from ftpy, a free-threaded Python!")
    print()

    primes = primes_below(50)
    print(f"Primes below 50: {primes}")
    print(f"There are {len(primes)} of them, and they add up to {sum(primes)}.")

    fibs = fibonacci(15)
    print(f"The first 15 Fibonacci numbers: {fibs}")
    print(f"2 ** 100 = {2 ** 100} (ints grow as big as they need)")

    sentence = "The quick brown fox jumps over the lazy dog. The dog sleeps, the fox runs!"
    counts = word_count(sentence)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]
    print(f"Most common words: {top}")

    account = Account("Ada")
    account.deposit(100)
    account.withdraw(30)
    try:
        account.withdraw(500)
    except ValueError as error:
        print(f"Refused: {error}")
    print(f"{account} after {len(account.history)} operations")

    squares = {n: n * n for n in range(1, 6)}
    print(f"Squares: {squares}")
    print(f"Pi is roughly {355 / 113:.6f}; 0.1 + 0.2 = {0.1 + 0.2}")
    print("Goodbye!")


main()
