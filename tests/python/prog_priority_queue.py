# A binary-heap priority queue written by hand, used for heap sort, a task
# scheduler with stable ordering of equal priorities, and Dijkstra.

class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0
    def __len__(self):
        return len(self.heap)
    def __bool__(self):
        return bool(self.heap)
    def push(self, priority, item):
        entry = (priority, self.counter, item)
        self.counter += 1
        h = self.heap
        h.append(entry)
        i = len(h) - 1
        while i > 0:
            parent = (i - 1) // 2
            if h[i] < h[parent]:
                h[i], h[parent] = h[parent], h[i]
                i = parent
            else:
                break
    def pop(self):
        h = self.heap
        if not h:
            raise IndexError("pop from empty priority queue")
        top = h[0]
        last = h.pop()
        if h:
            h[0] = last
            i = 0
            n = len(h)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                smallest = i
                if l < n and h[l] < h[smallest]:
                    smallest = l
                if r < n and h[r] < h[smallest]:
                    smallest = r
                if smallest == i:
                    break
                h[i], h[smallest] = h[smallest], h[i]
                i = smallest
        return top[0], top[2]
    def peek(self):
        return self.heap[0][0], self.heap[0][2]

pq = PriorityQueue()
for p, name in [(5, "write report"), (1, "fix bug"), (3, "review"), (1, "deploy"), (4, "lunch"), (3, "email"), (2, "test")]:
    pq.push(p, name)
print(len(pq), pq.peek())
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)

def heap_sort(values):
    q = PriorityQueue()
    for v in values:
        q.push(v, v)
    return [q.pop()[1] for _ in range(len(values))]
seed = 7
data = []
for _ in range(30):
    seed = (seed * 48271) % 2147483647
    data.append(seed % 100)
print(data)
print(heap_sort(data))
print(heap_sort(data) == sorted(data), heap_sort([]), heap_sort([1]), heap_sort([2, 1, 2, 1]))

graph = {
    "A": {"B": 4, "C": 2},
    "B": {"C": 5, "D": 10},
    "C": {"E": 3},
    "D": {"F": 11},
    "E": {"D": 4},
    "F": {},
    "G": {"A": 1},
}
def dijkstra(graph, start):
    dist = {start: 0}
    prev = {}
    q = PriorityQueue()
    q.push(0, start)
    visited = set()
    order = []
    while q:
        d, node = q.pop()
        if node in visited:
            continue
        visited.add(node)
        order.append(node)
        for nb, w in graph[node].items():
            nd = d + w
            if nb not in dist or nd < dist[nb]:
                dist[nb] = nd
                prev[nb] = node
                q.push(nd, nb)
    return dist, prev, order
dist, prev, order = dijkstra(graph, "A")
print(order)
print(sorted(dist.items()))
for target in sorted(dist):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    print(target, dist[target], "->".join(reversed(path)))
print("G reachable:", "G" in dist)

events = PriorityQueue()
clock_log = []
events.push(0, ("start", None))
time_now = 0
while events and len(clock_log) < 20:
    t, (kind, payload) = events.pop()
    time_now = t
    clock_log.append("%3d %s %s" % (t, kind, payload))
    if kind == "start":
        for i in range(3):
            events.push(t + 10 * (i + 1), ("job", i))
    elif kind == "job" and payload < 5:
        events.push(t + 7, ("job", payload + 3))
        events.push(t + 7, ("tick", payload))
print("\n".join(clock_log))
print("final time", time_now, "pending", len(events))
