# Graph algorithms on adjacency dicts: BFS shortest paths, DFS (recursive
# and iterative), topological sort with cycle detection, connected
# components, bipartiteness, a grid maze solved with BFS.

edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g"), ("e", "h"), ("c", "h")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
for k in graph:
    graph[k].sort()
print(graph)

def bfs(g, start):
    dist = {start: 0}
    parent = {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for nb in g[node]:
            if nb not in dist:
                dist[nb] = dist[node] + 1
                parent[nb] = node
                queue.append(nb)
    return dist, parent, queue
dist, parent, order = bfs(graph, "a")
print(order, dist)
def path_to(parent, node):
    out = []
    while node is not None:
        out.append(node)
        node = parent[node]
    return out[::-1]
print(path_to(parent, "h"), path_to(parent, "e"), "f" in dist)

def dfs_rec(g, node, seen=None, out=None):
    if seen is None:
        seen, out = set(), []
    seen.add(node)
    out.append(node)
    for nb in g[node]:
        if nb not in seen:
            dfs_rec(g, nb, seen, out)
    return out
def dfs_iter(g, start):
    seen, out, stack = set(), [], [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        out.append(node)
        stack.extend(reversed(g[node]))
    return out
print(dfs_rec(graph, "a"), dfs_iter(graph, "a"), dfs_rec(graph, "a") == dfs_iter(graph, "a"))

def components(g):
    seen = set()
    comps = []
    for node in sorted(g):
        if node not in seen:
            comp = dfs_iter(g, node)
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print(components(graph))

def topo_sort(deps):
    state = {}
    order = []
    def visit(n, stack):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError("cycle: " + " -> ".join(stack + [n]))
        state[n] = "active"
        for m in sorted(deps.get(n, ())):
            visit(m, stack + [n])
        state[n] = "done"
        order.append(n)
    for n in sorted(deps):
        visit(n, [])
    return order
build = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "fmt"], "core": [], "fmt": [], "tests": ["app"]}
print(topo_sort(build))
build["core"] = ["tests"]
try:
    topo_sort(build)
except ValueError as e:
    print("ValueError:", e)

def bipartite(g):
    color = {}
    for s in sorted(g):
        if s in color:
            continue
        color[s] = 0
        queue = [s]
        while queue:
            n = queue.pop(0)
            for m in g[n]:
                if m not in color:
                    color[m] = 1 - color[n]
                    queue.append(m)
                elif color[m] == color[n]:
                    return False, (n, m)
    return True, sorted(k for k, c in color.items() if c == 0)
print(bipartite(graph))
square = {1: [2, 4], 2: [1, 3], 3: [2, 4], 4: [3, 1]}
print(bipartite(square))

maze = [
    "#########",
    "#S..#...#",
    "#.#.#.#.#",
    "#.#...#.#",
    "#.#####.#",
    "#...#..E#",
    "#########",
]
def solve(maze):
    rows, cols = len(maze), len(maze[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "S")
    goal = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "E")
    prev = {start: None}
    queue = [start]
    while queue:
        cur = queue.pop(0)
        if cur == goal:
            break
        r, c = cur
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nxt = (r + dr, c + dc)
            if maze[nxt[0]][nxt[1]] != "#" and nxt not in prev:
                prev[nxt] = cur
                queue.append(nxt)
    path = []
    node = goal
    while node:
        path.append(node)
        node = prev[node]
    grid = [list(row) for row in maze]
    for r, c in path[1:-1]:
        grid[r][c] = "*"
    return len(path) - 1, "\n".join("".join(row) for row in grid)
steps, picture = solve(maze)
print(steps)
print(picture)
weights = {("a", "b"): 3, ("b", "c"): 1, ("a", "c"): 5, ("c", "d"): 2, ("b", "d"): 6}
def mst(nodes, weights):
    parent = {n: n for n in nodes}
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    total, chosen = 0, []
    for (u, v), w in sorted(weights.items(), key=lambda kv: (kv[1], kv[0])):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            total += w
            chosen.append((u, v, w))
    return total, chosen
print(mst("abcd", weights))
