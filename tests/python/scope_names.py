# Name resolution: local/enclosing/global/builtin (LEGB), global and
# nonlocal statements, UnboundLocalError, NameError, del of names, class
# scopes not visible from methods, shadowing builtins.

counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)

def set_new_global():
    global created_later
    created_later = "made inside a function"
set_new_global()
print(created_later)

def read_global():
    return counter * 10
print(read_global())

def unbound_local():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
    return counter
print(unbound_local(), counter)

def unbound_after_del():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(unbound_after_del())

def free_var_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    v = 2
    return inner()
print(free_var_unbound())

try:
    print(never_defined)
except NameError as e:
    print("NameError:", e)
gone = 1
del gone
try:
    gone
except NameError as e:
    print("NameError:", e)
try:
    del also_never
except NameError as e:
    print("NameError:", e)

x = "global x"
def enclosing():
    x = "enclosing x"
    def local():
        x = "local x"
        return x
    def uses_enclosing():
        return x
    def uses_global():
        global x
        return x
    return local(), uses_enclosing(), uses_global()
print(enclosing())

def nonlocal_chain():
    a = 0
    def f1():
        nonlocal a
        a += 1
        def f2():
            nonlocal a
            a += 10
        f2()
    f1()
    f1()
    return a
print(nonlocal_chain())

class Scope:
    attr = "class attr"
    derived = attr.upper()
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
    def method_ok(self):
        return self.attr, Scope.attr
print(Scope().method(), Scope().method_ok(), Scope.derived)

def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
list_backup = list
list = lambda *a: "global shadow"
print(list("x"))
del list
print(list("xy"), list is list_backup)

def loop_var_leaks():
    for i in range(3):
        pass
    return i
print(loop_var_leaks())

def comprehension_does_not_leak():
    j = "outer j"
    vals = [j for j in range(3)]
    return j, vals
print(comprehension_does_not_leak())

def conditional_definition(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(conditional_definition(True), "|", conditional_definition(False))

def augmented_global_without_decl():
    try:
        counter += 1
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(augmented_global_without_decl())

def except_var_is_deleted():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)
print(except_var_is_deleted())
y = 10
def param_shadows(y=y + 1):
    y += 1
    return y
print(param_shadows(), param_shadows(0), y)
print(sorted(k for k in globals() if not k.startswith("__"))[:8])
def local_names(a, b=2):
    c = a + b
    return sorted(locals())
print(local_names(1))
