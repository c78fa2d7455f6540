VALUE = 'relative import from a -m module works'
