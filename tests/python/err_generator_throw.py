# An exception thrown into a suspended generator escapes through it.
def consumer():
    total = 0
    while True:
        total += yield total


c = consumer()
next(c)
c.send(5)
print("total so far", c.send(10))
c.throw(OverflowError("too much"))
