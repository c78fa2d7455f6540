import sys
state = sys.modules['slow_state']
state.started += 1
total = 0
for i in range(20000):
    total += i
FIRST = 'first half'
for i in range(20000):
    total -= i
DONE = True
