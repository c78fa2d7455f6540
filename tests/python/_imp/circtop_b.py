import circtop_a
try:
    circtop_a.X
except AttributeError as e:
    print('circtop_b sees:', e)
    print('  name:', e.name, '| obj is the module:', e.obj is circtop_a)
