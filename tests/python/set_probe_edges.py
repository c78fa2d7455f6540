# Set lookups that probe past dummies and hit keys whose hash is 0 or
# collides: membership, discard and add after many removals.


class H:
    """Equal by value, with a chosen hash."""

    def __init__(self, v, h):
        self.v, self.h = v, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v


s = set()
print(0 in s, False in s, 0.0 in s, -0.0 in s)
s.add(1)
print(0 in s, 1 in s, True in s, 1.0 in s)
s.add(0)
print(0 in s, False in s, 0.0 in s, 2 in s)
s.discard(0)
print(0 in s, 0.0 in s, sorted(s))

# Churn: add and remove runs of small ints (long runs of dummies).
t = set()
for r in range(300):
    for c in range(12):
        t.add(r % 23 - 11 + c)
    for c in range(12):
        t.discard(r % 23 - 11 + c)
    if r % 50 == 0:
        print(len(t), [k in t for k in (-11, 0, 11, 22)], 0 in t)
t.update(range(-3, 4))
print(sorted(t), [k in t for k in range(-5, 6)])

# Colliding hashes (all 0, then all 7), found through equality.
u = {H(i, 0) for i in range(20)}
print(len(u), H(5, 0) in u, H(25, 0) in u, H(5, 7) in u)
for i in range(0, 20, 2):
    u.discard(H(i, 0))
print(len(u), H(4, 0) in u, H(5, 0) in u, sum(H(i, 0) in u for i in range(40)))
u.add(H(4, 0))
print(len(u), H(4, 0) in u)

# frozenset membership and the hash -1 -> -2 rule.
f = frozenset([-1, -2, 0, 2 ** 61 - 1, 2 ** 61, -(2 ** 61)])
print([k in f for k in (-1, -2, 0, 1, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 62)])
print(hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61))
