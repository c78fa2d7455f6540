# Printing a lone surrogate to a strict UTF-8 stdout fails after the
# text before it was written (CPython writes print's pieces one by one).
s = "\ud800"
print("before")
print("x", s, "y")
print("never")
