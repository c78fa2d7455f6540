NAME = 'mod3 in part 3'
