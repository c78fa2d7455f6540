# Ends with an uncaught NameError raised three calls deep.

def level3(x):
    print("level3 got", x)
    return x + undefined_variable

def level2(x):
    print("level2 got", x)
    return level3(x * 2)

def level1():
    results = []
    for i in range(3):
        print("iteration", i)
        if i == 2:
            results.append(level2(i))
        else:
            results.append(i)
    return results

print("start")
level1()
print("never printed")
