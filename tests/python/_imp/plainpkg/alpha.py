A = 'alpha'
