print('namespace submodule', __name__, __spec__.name)
