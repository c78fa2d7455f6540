# Regression test (crash found by the generated-program fuzzer, tests/fuzz,
# now fixed): dir() of a class
# whose metaclass is a Python subclass of `type`.
#   release: killed by SIGSEGV
#   debug:   panicked at crates/ftpy-vm/src/objects/instance.rs:224:18:
#            null pointer dereference occurred
#            (AttrStore::get <- ops::instance_has_attr <- ops::call_method
#             <- builtins::b_dir)
# Probable cause: the class object is taken for an instance of its
# (heap-type) metaclass and its AttrStore is read, but a TypeObj has none.
# __weakref__ is left out of the comparison: ftpy classes have no
# __weakref__ descriptor yet (docs/deviations.md).
class Meta(type):
    pass


class K(metaclass=Meta):
    pass


print('__class__' in dir(K))
print(sorted(n for n in dir(K) if n != '__weakref__'))
print(dir(K) == sorted(dir(K)), 'meta' in dir(Meta) or 'mro' in dir(Meta))
