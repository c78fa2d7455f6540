# go: random playouts of the board game Go on a 9x9 board, as a Monte Carlo
# Go player does them thousands of times per move.  Stones form groups
# (merged when they touch, captured when their last liberty is taken); moves
# are legal unless suicide, a simple ko recapture, or the filling of one's
# own eye; a game ends after two passes and is scored by area.  Randomness
# comes from a small linear congruential generator, so games are
# reproducible.
#
# Exercises: many interlinked objects (squares know their neighbours and
# their group), attribute-heavy methods, list/set manipulation, identity
# comparisons, while loops with early exits.
#
# Usage: python3 go.py [games]

import sys

DEFAULT_SIZE = 1400
BOARD = 9
EMPTY, BLACK, WHITE = 0, 1, 2


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


class Group:
    __slots__ = ("color", "stones")

    def __init__(self, color, stones):
        self.color = color
        self.stones = stones

    def liberties(self):
        libs = set()
        for stone in self.stones:
            for nb in stone.neighbours:
                if nb.color == EMPTY:
                    libs.add(nb.pos)
        return libs

    def has_liberty_besides(self, pos):
        for stone in self.stones:
            for nb in stone.neighbours:
                if nb.color == EMPTY and nb.pos != pos:
                    return True
        return False


class Square:
    __slots__ = ("pos", "color", "group", "neighbours", "slot")

    def __init__(self, pos):
        self.pos = pos
        self.color = EMPTY
        self.group = None
        self.neighbours = []
        self.slot = -1       # index in Board.empty while the square is empty


class Board:
    def __init__(self, size):
        self.size = size
        self.squares = [Square(p) for p in range(size * size)]
        for sq in self.squares:
            r, c = divmod(sq.pos, size)
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < size and 0 <= cc < size:
                    sq.neighbours.append(self.squares[rr * size + cc])
        self.reset()

    def reset(self):
        self.empty = []
        for sq in self.squares:
            sq.color = EMPTY
            sq.group = None
            sq.slot = len(self.empty)
            self.empty.append(sq)
        self.ko = None
        self.captures = [0, 0, 0]

    def _take(self, sq):
        last = self.empty.pop()
        if last is not sq:
            last.slot = sq.slot
            self.empty[sq.slot] = last
        sq.slot = -1

    def _give(self, sq):
        sq.slot = len(self.empty)
        self.empty.append(sq)

    def is_eye(self, sq, color):
        for nb in sq.neighbours:
            if nb.color != color:
                return False
        return True

    def legal(self, sq, color):
        if sq is self.ko:
            return False
        for nb in sq.neighbours:
            if nb.color == EMPTY:
                return True
            if nb.color == color:
                if nb.group.has_liberty_besides(sq.pos):
                    return True
            elif not nb.group.has_liberty_besides(sq.pos):
                return True        # captures, so not suicide
        return False

    def play(self, sq, color):
        other = BLACK + WHITE - color
        self._take(sq)
        sq.color = color
        group = Group(color, [sq])
        sq.group = group
        for nb in sq.neighbours:
            g = nb.group
            if nb.color == color and g is not group:
                if len(g.stones) > len(group.stones):
                    g, group = group, g
                for stone in g.stones:
                    stone.group = group
                group.stones.extend(g.stones)
        captured = []
        for nb in sq.neighbours:
            if nb.color == other and not nb.group.liberties():
                for stone in nb.group.stones:
                    stone.color = EMPTY
                    stone.group = None
                    self._give(stone)
                    captured.append(stone)
        self.captures[color] += len(captured)
        if len(captured) == 1 and len(group.stones) == 1 and len(group.liberties()) == 1:
            self.ko = captured[0]
        else:
            self.ko = None

    def random_move(self, color, rng):
        n = len(self.empty)
        if n == 0:
            return None
        start = rng.below(n)
        for i in range(n):
            sq = self.empty[(start + i) % n]
            if not self.is_eye(sq, color) and self.legal(sq, color):
                return sq
        return None

    def score(self):
        # area scoring: stones plus empty points that touch only one colour
        points = [0, 0, 0]
        for sq in self.squares:
            if sq.color != EMPTY:
                points[sq.color] += 1
            else:
                seen = set()
                for nb in sq.neighbours:
                    seen.add(nb.color)
                seen.discard(EMPTY)
                if len(seen) == 1:
                    points[seen.pop()] += 1
        return points[BLACK] - points[WHITE]


def playout(board, rng, max_moves):
    board.reset()
    color = BLACK
    passes = 0
    moves = 0
    while moves < max_moves:
        sq = board.random_move(color, rng)
        if sq is None:
            passes += 1
            if passes == 2:
                break
        else:
            passes = 0
            board.play(sq, color)
        moves += 1
        color = BLACK + WHITE - color
    return board.score(), moves


def check_groups(board):
    for sq in board.squares:
        if sq.color == EMPTY:
            if sq.group is not None or board.empty[sq.slot] is not sq:
                return False
        elif sq not in sq.group.stones or not sq.group.liberties():
            return False
    return len(board.empty) == sum(1 for sq in board.squares if sq.color == EMPTY)


def main():
    games = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    board = Board(BOARD)
    rng = Rng(42)
    black_wins = 0
    total_margin = 0
    total_moves = 0
    total_captures = 0
    ok = True
    for _ in range(games):
        margin, moves = playout(board, rng, 3 * BOARD * BOARD)
        ok = ok and check_groups(board)
        if margin > 0:
            black_wins += 1
        total_margin += margin
        total_moves += moves
        total_captures += board.captures[BLACK] + board.captures[WHITE]
    print("go games=%d black_wins=%d margin=%d moves=%d captures=%d %s"
          % (games, black_wins, total_margin, total_moves, total_captures,
             "ok" if ok else "WRONG"))


main()
