import sys
print('selfrep.fails: in sys.modules while running:', __name__ in sys.modules)
raise ValueError('failing on purpose')
