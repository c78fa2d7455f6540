import circ.pb
X = 1
