ok = 1
x = = 1
