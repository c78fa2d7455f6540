# gc-stress: 20
# A sudoku solver: candidate sets, naked singles propagation, then
# backtracking on the cell with fewest candidates; validation of the result.

PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
HARDER = """
..9748...
7........
.2.1.9...
..7...24.
.64.1.59.
.98...3..
...8.3.2.
........6
...2759..
"""

def parse(text):
    rows = [line for line in text.split() if line]
    return [[0 if ch == "." else int(ch) for ch in row] for row in rows]

def show(grid):
    out = []
    for r, row in enumerate(grid):
        if r and r % 3 == 0:
            out.append("------+-------+------")
        cells = [str(v) if v else "." for v in row]
        out.append(" | ".join(" ".join(cells[i:i + 3]) for i in (0, 3, 6)))
    return "\n".join(out)

def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]

stats = {"singles": 0, "guesses": 0, "backtracks": 0}

def propagate(grid):
    changed = True
    while changed:
        changed = False
        for r in range(9):
            for c in range(9):
                if grid[r][c] == 0:
                    cands = candidates(grid, r, c)
                    if not cands:
                        return False
                    if len(cands) == 1:
                        grid[r][c] = cands[0]
                        stats["singles"] += 1
                        changed = True
    return True

def solve(grid):
    if not propagate(grid):
        return None
    best = None
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                cands = candidates(grid, r, c)
                if best is None or len(cands) < len(best[2]):
                    best = (r, c, cands)
    if best is None:
        return grid
    r, c, cands = best
    for d in cands:
        stats["guesses"] += 1
        trial = [row[:] for row in grid]
        trial[r][c] = d
        result = solve(trial)
        if result:
            return result
        stats["backtracks"] += 1
    return None

def valid(grid):
    groups = [row for row in grid]
    groups += [[grid[r][c] for r in range(9)] for c in range(9)]
    groups += [[grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(g) == list(range(1, 10)) for g in groups)

for text in (PUZZLE, HARDER):
    grid = parse(text)
    print(show(grid))
    print("blanks:", sum(row.count(0) for row in grid), "candidates of first blank:", candidates(grid, 0, 2))
    for k in stats:
        stats[k] = 0
    solved = solve(grid)
    print()
    print(show(solved))
    print("valid:", valid(solved), stats)
    print()
bad = parse(PUZZLE)
bad[0][2] = 5
print("contradiction:", solve(bad))
