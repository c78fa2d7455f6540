# A binary search tree: insert, search, delete (all three cases),
# traversals (recursive and iterative), height, balance check, range query,
# printing the tree sideways, building a balanced tree from sorted data.

class Node:
    def __init__(self, key, value=None):
        self.key, self.value = key, value
        self.left = self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.count = 0
    def insert(self, key, value=None):
        if self.root is None:
            self.root = Node(key, value)
            self.count += 1
            return
        node = self.root
        while True:
            if key == node.key:
                node.value = value
                return
            side = "left" if key < node.key else "right"
            child = getattr(node, side)
            if child is None:
                setattr(node, side, Node(key, value))
                self.count += 1
                return
            node = child
    def get(self, key, default=None):
        node = self.root
        while node:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        return default
    def delete(self, key):
        def _delete(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _delete(node.left, key)
            elif key > node.key:
                node.right = _delete(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.value = succ.key, succ.value
                node.right = _delete(node.right, succ.key)
            return node
        self.root = _delete(self.root, key)
        self.count -= 1
    def inorder(self):
        out, stack, node = [], [], self.root
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            out.append(node.key)
            node = node.right
        return out
    def preorder(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return []
        return [node.key] + self.preorder(node.left) + self.preorder(node.right)
    def postorder(self):
        def walk(n):
            return walk(n.left) + walk(n.right) + [n.key] if n else []
        return walk(self.root)
    def levels(self):
        out, level = [], [self.root] if self.root else []
        while level:
            out.append([n.key for n in level])
            level = [c for n in level for c in (n.left, n.right) if c]
        return out
    def height(self, node="root"):
        if node == "root":
            node = self.root
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))
    def balanced(self):
        def check(n):
            if n is None:
                return 0
            l, r = check(n.left), check(n.right)
            if l < 0 or r < 0 or abs(l - r) > 1:
                return -1
            return 1 + max(l, r)
        return check(self.root) >= 0
    def range(self, lo, hi):
        out = []
        def walk(n):
            if n is None:
                return
            if lo < n.key:
                walk(n.left)
            if lo <= n.key <= hi:
                out.append(n.key)
            if n.key < hi:
                walk(n.right)
        walk(self.root)
        return out
    def sideways(self):
        lines = []
        def walk(n, depth):
            if n:
                walk(n.right, depth + 1)
                lines.append("    " * depth + str(n.key))
                walk(n.left, depth + 1)
        walk(self.root, 0)
        return "\n".join(lines)

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, "v%d" % k)
print(t.inorder(), t.count)
print(t.preorder())
print(t.postorder())
print(t.levels(), t.height(), t.balanced())
print(t.sideways())
print(t.get(45), t.get(99), t.get(99, "missing"), t.range(33, 62))
t.insert(45, "updated")
print(t.get(45), t.count)
t.delete(20)
print("delete leaf 20:", t.inorder(), t.levels())
t.delete(30)
print("delete 30 (two children):", t.inorder(), t.levels())
t.delete(50)
print("delete root:", t.inorder(), t.levels(), t.count)
try:
    t.delete(1234)
except KeyError as e:
    print("KeyError:", e)
degenerate = BST()
for k in range(1, 16):
    degenerate.insert(k)
print(degenerate.height(), degenerate.balanced(), degenerate.levels()[:3])
def build_balanced(keys):
    tree = BST()
    def add(lo, hi):
        if lo > hi:
            return
        mid = (lo + hi) // 2
        tree.insert(keys[mid])
        add(lo, mid - 1)
        add(mid + 1, hi)
    add(0, len(keys) - 1)
    return tree
bal = build_balanced(list(range(1, 16)))
print(bal.height(), bal.balanced(), bal.levels())
words = BST()
for w in "now is the time for all good men to come to the aid of their party".split():
    words.insert(w, words.get(w, 0) + 1)
print(words.inorder())
print([(w, words.get(w)) for w in words.inorder() if words.get(w) > 1], words.count, words.height())
seed = 2024
rnd = BST()
for _ in range(200):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    rnd.insert(seed % 1000)
keys = rnd.inorder()
print(len(keys), keys == sorted(set(keys)), keys[:10], rnd.height())
