import sys
print('pkg/__main__:', __name__, __package__, __spec__.name, __spec__.parent)
print('argv:', [a.rsplit('/', 1)[-1] for a in sys.argv])
print('path[0] is the working directory:', sys.path[0].endswith('/_imp/cli'))
print('loader:', type(__loader__).__name__, '| file:', __file__.rsplit('/', 2)[-2:])
