# _imp._override_frozen_modules_for_tests (test.support.import_helper's
# import_fresh_module switches it around each import).
import _imp

print(_imp._override_frozen_modules_for_tests(1), _imp._override_frozen_modules_for_tests(0))
for bad in ("x", None):
    try:
        _imp._override_frozen_modules_for_tests(bad)
    except TypeError as e:
        print(e)
try:
    _imp._override_frozen_modules_for_tests()
except TypeError as e:
    print(e)
