# A failing assert with a message escapes.

def mean(values):
    assert values, "mean of an empty list"
    return sum(values) / len(values)

print(mean([1, 2, 3]))
print(mean([10]))
print(mean([]))
