# permutations with r larger than the pool: empty, even for a huge r.
import itertools

print(list(itertools.permutations("abc", 5)))
print(list(itertools.permutations("ab", 10**6)))
print(list(itertools.permutations("", 0)), list(itertools.permutations("", 1)))
print(list(itertools.permutations(range(3), 3))[-2:])
