WEIGHT = 'light'
