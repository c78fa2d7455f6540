# Big ints (beyond 128 bits) added to and multiplied by machine words of
# every sign and size, both orders, in-place forms; results crossing back
# below 128 bits.
bigs = [2**130, -(2**130), 3**90, -(3**90) + 1, 2**128 + 5]
words = [0, 1, -1, 7, -7, 2**47, -(2**47), 2**62, -(2**63), 2**63 - 1, True, False]
for x in bigs:
    print([x + w for w in words] == [w + x for w in words], [str(x * w)[-12:] for w in words])
    print([str(w * x)[:14] for w in words], [(x + w) - x for w in words])
acc = 1
for j in range(1, 60):
    acc *= j
    acc += -j
    acc = 3 * acc + 1
print(acc % 1000000007, acc.bit_length())
y = -(2**128)
y += 2**64
print(y, type(y).__name__, y * 0, 0 * y, (2**129) + (-(2**129)))
