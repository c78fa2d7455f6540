import circ.pc
try:
    circ.pc.child
except AttributeError as e:
    print('child sees:', e)
