print('orderpkg/__init__ start')
import sys
print('  orderpkg in sys.modules while running:', 'orderpkg' in sys.modules,
      '| initializing:', sys.modules['orderpkg'].__spec__._initializing)
NAME = 'orderpkg'
print('orderpkg/__init__ end')
