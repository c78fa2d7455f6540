print('before')
raise ValueError('from a -m module')
