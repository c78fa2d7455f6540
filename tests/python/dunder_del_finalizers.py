# __del__: an ordinary method when called explicitly; inherited and
# overridden; classes whose instances have finalizers (including ones
# added after creation) stay usable under memory pressure. When the
# finalizers run is the collector's business, so this program prints
# nothing that depends on it.

finalized = []

class Resource:
    count = 0
    def __init__(self, name):
        self.name = name
        Resource.count += 1
    def __del__(self):
        finalized.append(self.name)

class Child(Resource):
    def __del__(self):
        finalized.append('child:' + self.name)
        super().__del__()

r = Resource('explicit')
r.__del__()
c = Child('c1')
c.__del__()
print(finalized)
finalized.clear()
print(type(Resource.__dict__['__del__']).__name__, Child.__del__ is not Resource.__del__)

# Many short-lived objects with finalizers, some kept alive.
keep = []
for i in range(300):
    obj = Child('tmp%d' % i) if i % 2 else Resource('tmp%d' % i)
    if i % 50 == 0:
        keep.append(obj)
    garbage = [obj, [obj], {'o': obj}]
print(Resource.count, [k.name for k in keep])

# A finalizer added to a class later; one removed.
class Late:
    pass
late_objs = [Late() for _ in range(20)]
Late.__del__ = lambda self: finalized.append('late')
late_objs += [Late() for _ in range(20)]
del Late.__del__
print(len(late_objs), hasattr(Late, '__del__'))

# A finalizer that resurrects its object into a global list.
saved = []
class Phoenix:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        saved.append(self)
for i in range(30):
    Phoenix(i)
survivors = [Phoenix(100), Phoenix(101)]
print([p.n for p in survivors])

# Objects in reference cycles with finalizers.
class Node:
    def __init__(self):
        self.other = None
    def __del__(self):
        finalized.append('node')
for _ in range(50):
    a, b = Node(), Node()
    a.other, b.other = b, a
print('cycles made', type(a.other).__name__)

# Explicit calls with wrong arguments are ordinary errors.
try:
    Resource('x').__del__(1)
except TypeError as e:
    print('TypeError:', e)
print('done')
