# Imported by compile_tab_errors.py: line 5 mixes a tab with spaces.

def f():
        a = 1
	b = 2
        return a + b
