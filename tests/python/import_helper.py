# Importing helper modules that live next to the script: import, from-import,
# aliases, star-import with __all__, module caching (the body runs once),
# module attributes and state shared between importers.

print("before import")
import _helper_shapes
print("after first import")
import _helper_shapes
import _helper_shapes as shapes
print("second import did not re-run the module:", shapes is _helper_shapes)
from _helper_shapes import Circle, Square as Sq, area_sum
from _helper_shapes import *

c = Circle(1)
s = Sq(2)
print(c, s, area_sum([c, s]), round(area_sum([Circle(2), Square(3)]), 4))
print(_helper_shapes.registry, registry is _helper_shapes.registry, PI_APPROX)
print(make("square", 5).area(), type(make("circle", 1)).__name__, isinstance(s, _helper_shapes.Shape))
print(_helper_shapes.__name__, shapes.__doc__, type(_helper_shapes).__name__)
print(sorted(n for n in dir(_helper_shapes) if not n.startswith("__")))
try:
    _private
except NameError as e:
    print("NameError:", e)
print(_helper_shapes._private)
try:
    _helper_shapes.Shape("abstract").area()
except NotImplementedError as e:
    print("NotImplementedError:", e)

import _helper_state
from _helper_state import bump, get, Config
print(bump(), bump(5), get(), _helper_state.counter, _helper_state.log)
_helper_state.counter = 100
print(get(), bump(), _helper_state.log)
from _helper_state import counter
print(counter)
_helper_state.bump()
print(counter, _helper_state.counter)
Config.debug = True
import _helper_state as again
print(again.Config.debug, again is _helper_state, _helper_state.uses_other())
_helper_state.new_attr = "added from outside"
print(again.new_attr)
try:
    from _helper_state import does_not_exist
except ImportError as e:
    # The message ends with the module's absolute path: print the start only.
    print("ImportError:", str(e).split(" (")[0], e.name)
try:
    import _helper_no_such_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, isinstance(e, ImportError))
def local_import():
    import _helper_shapes as inner_alias
    return inner_alias.PI_APPROX * 2
print(local_import(), "inner_alias" in globals())
print(__name__)
