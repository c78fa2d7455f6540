import sys
print('pkg.tool as', __name__, '| package', __package__, '| spec', __spec__.name)
from . import helper
print(helper.VALUE)
