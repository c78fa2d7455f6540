# A module that removes itself from sys.modules while it is imported.
import sys
del sys.modules[__name__]
