import circtop_b
X = 1
