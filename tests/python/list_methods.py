# Every list method, with edge cases and error messages.

l = [3, 1, 4]
l.append(1)
print(l)
l.extend([5, 9])
l.extend("ab")
l.extend(range(2))
l.extend((x * 10 for x in range(2)))
print(l, len(l))
l.insert(0, "first")
l.insert(100, "last")
l.insert(-1, "before-last")
l.insert(-100, "very-first")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l.pop(3))
print(l)
l.remove("a")
l.remove(1)
print(l)
for bad in (lambda: l.remove("zzz"), lambda: [].pop(), lambda: [1].pop(5), lambda: l.index("nope")):
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
m = [5, 3, 5, 1, 5]
print(m.index(5), m.index(5, 1), m.index(5, -1), m.count(5), m.count(7), m.index(1, 0, 4))
try:
    m.index(5, 3, 4)
except ValueError as e:
    print("ValueError:", e)
m.reverse()
print(m)
m.sort()
print(m)
m.sort(reverse=True)
print(m)
c = m.copy()
c.append(0)
print(m, c, c is m, c == m + [0])
c.clear()
print(c, m)
n = [1, 2, 3]
alias = n
n += [4]
print(alias, n is alias)
n = n + [5]
print(alias, n, n is alias)
n *= 2
print(n)
z = [0] * 3
z2 = [[0] * 2] * 2
z2[0][0] = 9
print(z, z2, [[0] * 2 for _ in range(2)])
print([] * 5, [1, 2] * 0, [1] * -1, list(), list("xy"), list((1, 2)), list({3: 4}), list(range(3, 0, -1)))
print([1, [2, [3, [4]]]], [[]], [[], []], len([[], []]), [None] * 2)
big = list(range(20))
del big[::3]
print(big)
del big[-1]
del big[0]
print(big, 7 in big, 3 in big)
e = []
e.append(e)
print(e, len(e), e[0] is e)
s = ["banana", "Apple", "cherry", "apple", "Banana"]
s.sort()
print(s)
s.sort(key=str.lower)
print(s)
s.sort(key=len, reverse=True)
print(s)
print(sorted(s, key=lambda w: (w.lower(), w)), s)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 3], [2] > [1, 9], [1, [2]] == [1, [2]], [] == [], [0] != [0.0])
nums = [10, 20, 30]
nums[1] = 25
nums[-1] += 5
print(nums, nums.__len__(), nums.__getitem__(0), list.__len__(nums))
try:
    nums[3] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    nums["0"]
except TypeError as e:
    print("TypeError:", e)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    [].extend(5)
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
lst.extend(lst)
print(lst)
lst[len(lst):] = [7]
print(lst, lst[-1], lst[len(lst) - 1])
