import circ.pa
try:
    print(circ.pa.X)
except AttributeError as e:
    print('pb sees:', e)
