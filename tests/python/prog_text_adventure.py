# A tiny text adventure driven by a scripted list of commands: rooms in a
# dict graph, an inventory, a command parser with aliases, locked doors,
# scoring, and a transcript.

ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a quiet library", "exits": {"south": "hall", "up": "attic"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["bread"]},
    "cellar": {"desc": "a dark cellar", "exits": {"up": "kitchen"}, "items": ["wine"], "dark": True},
    "attic": {"desc": "a cramped attic", "exits": {"down": "library"}, "items": ["chest"], "locked": True},
}
ALIASES = {"n": "go north", "s": "go south", "e": "go east", "w": "go west", "u": "go up", "d": "go down",
           "i": "inventory", "l": "look", "get": "take"}

class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.score = 0
        self.moves = 0
        self.visited = {"hall"}
        self.over = False

    def look(self):
        room = ROOMS[self.room]
        if room.get("dark") and "lamp" not in self.inventory:
            return "It is pitch dark."
        items = ", ".join(room["items"]) or "nothing"
        exits = ", ".join(sorted(room["exits"]))
        return "You are in %s. You see: %s. Exits: %s." % (room["desc"], items, exits)

    def go(self, direction):
        exits = ROOMS[self.room]["exits"]
        if direction not in exits:
            return "You can't go %s." % direction
        target = exits[direction]
        if ROOMS[target].get("locked"):
            if "key" in self.inventory:
                ROOMS[target]["locked"] = False
                self.score += 10
                msg = "You unlock the way %s. " % direction
            else:
                return "The way %s is locked." % direction
        else:
            msg = ""
        self.room = target
        if target not in self.visited:
            self.visited.add(target)
            self.score += 5
        return msg + self.look()

    def take(self, item):
        room = ROOMS[self.room]
        if room.get("dark") and "lamp" not in self.inventory:
            return "You fumble in the dark."
        if item not in room["items"]:
            return "There is no %s here." % item
        if item == "chest":
            return "The chest is too heavy."
        room["items"].remove(item)
        self.inventory.append(item)
        self.score += 2
        return "Taken: %s." % item

    def drop(self, item):
        if item not in self.inventory:
            return "You don't have %s." % item
        self.inventory.remove(item)
        ROOMS[self.room]["items"].append(item)
        return "Dropped: %s." % item

    def handle(self, line):
        line = line.strip().lower()
        if not line:
            return "Say something."
        words = line.split()
        if words[0] in ALIASES:
            words = ALIASES[words[0]].split() + words[1:]
        verb, args = words[0], words[1:]
        self.moves += 1
        if verb == "look":
            return self.look()
        if verb == "go" and args:
            return self.go(args[0])
        if verb == "take" and args:
            return self.take(" ".join(args))
        if verb == "drop" and args:
            return self.drop(" ".join(args))
        if verb == "inventory":
            return "You carry: %s." % (", ".join(sorted(self.inventory)) or "nothing")
        if verb == "open" and args == ["chest"] and self.room == "attic":
            self.score += 50
            self.over = True
            return "The chest holds treasure! You win."
        self.moves -= 1
        return "I don't understand %r." % line

game = Game()
script = ["look", "take lamp", "n", "get key", "take book", "take sword", "i", "u", "take chest", "d", "s", "e",
          "d", "take wine", "drop book", "l", "dance", "", "u", "w", "n", "go up", "open chest", "look"]
for cmd in script:
    if game.over:
        print("(game over, ignoring %r)" % cmd)
        continue
    print("> " + cmd)
    print(game.handle(cmd))
print("score", game.score, "moves", game.moves, "visited", sorted(game.visited), "inventory", game.inventory)
print({name: room["items"] for name, room in ROOMS.items()})
