# Crash found by the generated-program fuzzer (tests/fuzz): dir() of a class
# whose metaclass is a Python subclass of `type`.
#   release: killed by SIGSEGV
#   debug:   panicked at crates/ftpy-vm/src/objects/instance.rs:224:18:
#            null pointer dereference occurred
#            (AttrStore::get <- ops::instance_has_attr <- ops::call_method
#             <- builtins::b_dir)
# Probable cause: the class object is taken for an instance of its
# (heap-type) metaclass and its AttrStore is read, but a TypeObj has none.
# Expected output (CPython 3.11): True, then 26.
class Meta(type):
    pass


class K(metaclass=Meta):
    pass


print('__class__' in dir(K))
print(len(dir(K)))
