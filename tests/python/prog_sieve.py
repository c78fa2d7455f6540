# gc-stress: 20
# Sieve of Eratosthenes and friends: prime counting, twin primes, Goldbach
# decompositions, factorization, totients, perfect numbers.

def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_prime) if p]

primes = sieve(10000)
print(primes[:30])
print(len(primes), primes[-5:], sum(primes))
for limit in (10, 100, 1000, 10000):
    print("pi(%d) = %d" % (limit, sum(1 for p in primes if p <= limit)))
prime_set = set(primes)
twins = [(p, p + 2) for p in primes if p + 2 in prime_set]
print(len(twins), twins[:8], twins[-2:])
def goldbach(n):
    for p in primes:
        if p > n // 2:
            break
        if n - p in prime_set:
            return p, n - p
for n in (4, 28, 100, 998, 9998):
    print(n, goldbach(n))
def factorize(n):
    factors = {}
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            factors[p] = factors.get(p, 0) + 1
            n //= p
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors
for n in (1, 2, 12, 360, 97, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143):
    f = factorize(n)
    print(n, "=", " * ".join("%d^%d" % kv if kv[1] > 1 else str(kv[0]) for kv in sorted(f.items())) or "1")
def totient(n):
    result = n
    for p in factorize(n):
        result = result // p * (p - 1)
    return result
print([totient(n) for n in range(1, 25)])
def divisors_sum(n):
    total = 1
    for p, e in factorize(n).items():
        total *= (p ** (e + 1) - 1) // (p - 1)
    return total - n
print([n for n in range(2, 1000) if divisors_sum(n) == n], divisors_sum(8128) == 8128, divisors_sum(8129))
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items()))
print(max(zip(primes, primes[1:]), key=lambda ab: ab[1] - ab[0]))
segment = sieve(200)
print([p for p in segment if str(p) == str(p)[::-1]])
bits = 0
for p in sieve(64):
    bits |= 1 << p
print(bin(bits), bits.bit_length(), bin(bits).count("1"))
