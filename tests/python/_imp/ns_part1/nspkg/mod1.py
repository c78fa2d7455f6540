NAME = 'mod1 in part 1'
