# A module that replaces itself in sys.modules while it is imported.
import sys
class Replacement:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f'<Replacement for {self.name}>'
    def greet(self):
        return 'hello from the replacement'
sys.modules[__name__] = Replacement(__name__)
