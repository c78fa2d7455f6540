# Prints a table of ratios, then divides by zero outside any handler.

def ratio(a, b):
    return a / b

for b in (4, 2, 1):
    print("100 /", b, "=", ratio(100, b))
values = [3, 2, 1, 0]
total = 0
for v in values:
    try:
        total += 10 // v
    except ZeroDivisionError:
        print("handled ZeroDivisionError for", v)
print("total", total)
print("now unhandled:")
print(ratio(1, values[-1]))
