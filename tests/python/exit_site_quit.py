# exit() and quit(), the objects the site module adds to builtins.
print(repr(exit))
print(repr(quit))
print(type(exit).__name__, type(exit).__module__)
try:
    quit(5)
except SystemExit as e:
    print('quit(5) raised SystemExit', e.code)
try:
    exit()
except SystemExit as e:
    print('exit() code:', e.code)
exit('leaving with a message')
