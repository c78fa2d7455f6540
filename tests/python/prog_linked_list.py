# gc-stress: 20
# A singly linked list class with the container protocol, reversal,
# slicing, merge sort, cycle detection; and a doubly linked deque.

class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        tail = None
        for item in items:
            node = Node(item)
            if tail is None:
                self.head = node
            else:
                tail.next = node
            tail = node
            self.size += 1
    def __len__(self):
        return self.size
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
    def __str__(self):
        return " -> ".join(str(v) for v in self) + " -> None"
    def __contains__(self, value):
        return any(v == value for v in self)
    def __getitem__(self, index):
        if isinstance(index, slice):
            return LinkedList(list(self)[index])
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError("linked list index out of range")
        node = self.head
        for _ in range(index):
            node = node.next
        return node.value
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def pop_front(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        v = self.head.value
        self.head = self.head.next
        self.size -= 1
        return v
    def remove(self, value):
        prev, node = None, self.head
        while node:
            if node.value == value:
                if prev:
                    prev.next = node.next
                else:
                    self.head = node.next
                self.size -= 1
                return
            prev, node = node, node.next
        raise ValueError("%r not in list" % (value,))
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
    def sort(self):
        def merge(a, b):
            dummy = tail = Node(None)
            while a and b:
                if b.value < a.value:
                    tail.next, b = b, b.next
                else:
                    tail.next, a = a, a.next
                tail = tail.next
            tail.next = a or b
            return dummy.next
        def msort(head):
            if head is None or head.next is None:
                return head
            slow, fast = head, head.next
            while fast and fast.next:
                slow, fast = slow.next, fast.next.next
            mid, slow.next = slow.next, None
            return merge(msort(head), msort(mid))
        self.head = msort(self.head)

ll = LinkedList([3, 1, 4, 1, 5, 9, 2, 6])
print(ll, len(ll), repr(ll))
print(ll[0], ll[-1], ll[3], ll[2:5], ll[::-1], 9 in ll, 7 in ll)
ll.push_front(0)
print(ll.pop_front(), ll.pop_front(), ll)
ll.remove(9)
ll.remove(1)
print(ll, len(ll))
try:
    ll.remove(42)
except ValueError as e:
    print("ValueError:", e)
ll.reverse()
print(ll)
ll.sort()
print(ll, list(ll) == sorted(ll))
words = LinkedList("the quick brown fox jumps over the lazy dog".split())
words.sort()
print(words, words == LinkedList(sorted(words)), words == list(words))
empty = LinkedList()
print(empty, len(empty), list(empty), bool(empty))
try:
    empty.pop_front()
except IndexError as e:
    print("IndexError:", e)
try:
    empty[0]
except IndexError as e:
    print("IndexError:", e)
big = LinkedList(range(2000))
big.reverse()
print(big[0], big[1999], sum(big), len(big))
big.sort()
print(big[0], big[-1], big[1000])

def has_cycle(head):
    slow = fast = head
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            return True
    return False
cyc = LinkedList([1, 2, 3, 4])
print(has_cycle(cyc.head))
cyc.head.next.next.next.next = cyc.head.next
print(has_cycle(cyc.head))
cyc.head.next.next.next.next = None

class DNode:
    def __init__(self, v):
        self.v, self.prev, self.next = v, None, None
class Deque:
    def __init__(self):
        self.front = self.back = None
        self.n = 0
    def append(self, v):
        node = DNode(v)
        if self.back is None:
            self.front = self.back = node
        else:
            node.prev, self.back.next, self.back = self.back, node, node
        self.n += 1
    def appendleft(self, v):
        node = DNode(v)
        if self.front is None:
            self.front = self.back = node
        else:
            node.next, self.front.prev, self.front = self.front, node, node
        self.n += 1
    def pop(self):
        node = self.back
        self.back = node.prev
        if self.back is None:
            self.front = None
        else:
            self.back.next = None
        self.n -= 1
        return node.v
    def popleft(self):
        node = self.front
        self.front = node.next
        if self.front is None:
            self.back = None
        else:
            self.front.prev = None
        self.n -= 1
        return node.v
    def __iter__(self):
        node = self.front
        while node:
            yield node.v
            node = node.next
    def __reversed__(self):
        node = self.back
        while node:
            yield node.v
            node = node.prev
dq = Deque()
for i in range(5):
    dq.append(i)
    dq.appendleft(-i)
print(list(dq), list(reversed(dq)), dq.n)
print(dq.pop(), dq.popleft(), dq.pop(), list(dq))
window = Deque()
maxima = []
data = [1, 3, -1, -3, 5, 3, 6, 7]
for i, x in enumerate(data):
    window.append(x)
    if window.n > 3:
        window.popleft()
    if i >= 2:
        maxima.append(max(window))
print(maxima)
