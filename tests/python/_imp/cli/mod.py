import sys
print('mod:', __name__, repr(__package__), __spec__.name, [a.rsplit('/', 1)[-1] for a in sys.argv])
if __name__ == '__main__':
    print('ran as the main module')
