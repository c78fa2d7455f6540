# A KeyError with a tuple key escapes from a method called in a
# comprehension.

class Inventory:
    def __init__(self):
        self.stock = {("apple", "red"): 3, ("apple", "green"): 5, ("pear", "green"): 2}

    def count(self, fruit, color):
        return self.stock[(fruit, color)]

inv = Inventory()
print(inv.count("apple", "red"), inv.count("pear", "green"))
print(sorted(inv.stock))
wanted = [("apple", "green"), ("pear", "green"), ("pear", "red")]
print([inv.count(f, c) for f, c in wanted])
