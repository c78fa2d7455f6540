WEIGHT = 'heavy'
