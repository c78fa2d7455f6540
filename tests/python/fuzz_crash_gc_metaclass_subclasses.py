# gc-stress: 1
# Regression test (crash found by the generated-program fuzzer, tests/fuzz,
# now fixed), under
# FTPY_GC_STRESS=1 only: a chain of classes whose metaclass is a Python
# subclass of `type`.
#   release: SIGSEGV in the collector's mark loop (gc/collect.rs drain)
#            during type_new (typeobj_init.rs:341, allocating a tuple)
#            called from __build_class__
# Probably the same cause as metaclass_dir.py: the collector traces a class
# object as an instance of its metaclass (typeobj.rs trace_attrs_of ->
# instance.rs AttrStore trace) and reads a field a TypeObj does not have.
class Meta(type):
    pass


class K5(metaclass=Meta):
    pass


class K6(K5):
    pass


class K7(K6):
    pass


print('ok', [k.__name__ for k in K7.__mro__])
