# gc-stress: 20
# Conway's Game of Life on a small torus and on an unbounded set of live
# cells: blinker, glider, still lifes; generations printed as text.

def parse(picture):
    return [[c == "#" for c in line] for line in picture.strip().splitlines()]

def render(grid):
    return "\n".join("".join("#" if c else "." for c in row) for row in grid)

def step_torus(grid):
    h, w = len(grid), len(grid[0])
    new = [[False] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        n += grid[(r + dr) % h][(c + dc) % w]
            new[r][c] = n == 3 or (grid[r][c] and n == 2)
    return new

glider = parse("""
.#....
..#...
###...
......
......
......
""")
g = glider
for gen in range(5):
    print("generation", gen, "population", sum(map(sum, g)))
    print(render(g))
    g = step_torus(g)
for _ in range(24 - 5):
    g = step_torus(g)
print("after 24 generations the glider is back:", g == glider)

blinker = parse("""
.....
..#..
..#..
..#..
.....
""")
b1 = step_torus(blinker)
print(render(b1))
print(step_torus(b1) == blinker, b1 == blinker)

def step_set(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def bbox(live):
    rows = [r for r, _ in live]
    cols = [c for _, c in live]
    return min(rows), min(cols), max(rows), max(cols)

def render_set(live):
    if not live:
        return "(empty)"
    r0, c0, r1, c1 = bbox(live)
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(c0, c1 + 1)) for r in range(r0, r1 + 1))

block = {(0, 0), (0, 1), (1, 0), (1, 1)}
print("block is still:", step_set(block) == block)
beehive = {(0, 1), (0, 2), (1, 0), (1, 3), (2, 1), (2, 2)}
print("beehive is still:", step_set(beehive) == beehive)
r_pentomino = {(0, 1), (0, 2), (1, 0), (1, 1), (2, 1)}
live = set(r_pentomino)
history = []
for gen in range(60):
    history.append(len(live))
    live = step_set(live)
print(history)
print(bbox(live), len(live))
print(render_set(step_set({(0, 0), (0, 1), (0, 2)})))
print(render_set(step_set({(5, 5)})))
gl = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
for _ in range(8):
    gl = step_set(gl)
print(sorted(gl), bbox(gl))
print(render_set(gl))
