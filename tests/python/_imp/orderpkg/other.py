print('orderpkg.other')
OTHER = 'other'
