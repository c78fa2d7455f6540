print('orderpkg.sub/__init__')
SUB = 'sub'
