# gc-stress: 1
# Regression test (crash found by the generated-program fuzzer, tests/fuzz,
# now fixed), under
# FTPY_GC_STRESS=1 only (`import random`, `import re`, ... all reach it
# through _collections_abc): two classes made by the pure-Python ABCMeta.
#   release: SIGSEGV in the collector: gc/collect.rs slots <- instance.rs:245
#            (AttrStore trace) <- typeobj.rs:530 trace_attrs_of <- drain,
#            during alloc of a WeakRefObj (objects/weakref.rs new_weakref)
# Probably the same cause as metaclass_dir.py (a class object traced as an
# instance of its metaclass).
import _py_abc


class A(metaclass=_py_abc.ABCMeta):
    pass


class B(metaclass=_py_abc.ABCMeta):
    pass


print('ok', A.__name__, B.__name__)
