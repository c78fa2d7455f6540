print('pkg/__init__ runs as', __name__)
