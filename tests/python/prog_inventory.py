# An inventory system: products with validation, stock movements, orders
# with partial fulfilment, reorder suggestions, reports sorted several ways.

class InventoryError(Exception):
    pass

class Product:
    def __init__(self, sku, name, price, qty=0, reorder_at=5, tags=()):
        if price < 0:
            raise InventoryError("negative price for %s" % sku)
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.reorder_at = reorder_at
        self.tags = set(tags)
        self.moves = []
    @property
    def value(self):
        return self.qty * self.price
    def move(self, delta, reason):
        if self.qty + delta < 0:
            raise InventoryError("%s: cannot remove %d, only %d in stock" % (self.sku, -delta, self.qty))
        self.qty += delta
        self.moves.append((reason, delta, self.qty))
    def __repr__(self):
        return "Product(%s, qty=%d)" % (self.sku, self.qty)

class Inventory:
    def __init__(self):
        self.products = {}
    def add(self, product):
        if product.sku in self.products:
            raise InventoryError("duplicate sku " + product.sku)
        self.products[product.sku] = product
    def __getitem__(self, sku):
        try:
            return self.products[sku]
        except KeyError:
            raise InventoryError("unknown sku " + sku) from None
    def __iter__(self):
        return iter(self.products.values())
    def __len__(self):
        return len(self.products)
    def fulfil(self, order):
        shipped, backordered = [], []
        for sku, wanted in order:
            p = self[sku]
            n = min(wanted, p.qty)
            if n:
                p.move(-n, "order")
                shipped.append((sku, n))
            if wanted > n:
                backordered.append((sku, wanted - n))
        return shipped, backordered
    def reorder_list(self):
        return sorted((p.sku, p.reorder_at * 3 - p.qty) for p in self if p.qty <= p.reorder_at)
    def total_value(self):
        return sum(p.value for p in self)

inv = Inventory()
catalog = [("A100", "widget", 2.50, 40, 10, ("metal",)), ("B200", "gadget", 12.99, 8, 5, ("electronic", "gift")),
           ("C300", "doohickey", 0.99, 200, 50, ()), ("D400", "gizmo", 49.95, 2, 3, ("electronic",)),
           ("E500", "thingamajig", 7.25, 0, 4, ("gift",))]
for row in catalog:
    inv.add(Product(*row))
for bad in [("A100", "dup", 1.0), ("F600", "bad", -1.0)]:
    try:
        inv.add(Product(*bad))
    except InventoryError as e:
        print("InventoryError:", e)
print(len(inv), list(inv), "%.2f" % inv.total_value())
orders = [[("A100", 15), ("B200", 3)], [("D400", 5), ("C300", 120)], [("E500", 1)], [("A100", 30), ("Z999", 1)], [("B200", 5)]]
for i, order in enumerate(orders, 1):
    try:
        shipped, back = inv.fulfil(order)
        print("order %d: shipped %s, backordered %s" % (i, shipped, back))
    except InventoryError as e:
        print("order %d failed: %s" % (i, e))
inv["E500"].move(12, "delivery")
inv["D400"].move(10, "delivery")
try:
    inv["C300"].move(-1000, "shrinkage")
except InventoryError as e:
    print("InventoryError:", e)
print("reorder:", inv.reorder_list())
print("%-6s %-12s %8s %5s %10s  %s" % ("sku", "name", "price", "qty", "value", "tags"))
for p in sorted(inv, key=lambda p: (-p.value, p.sku)):
    print("%-6s %-12s %8.2f %5d %10.2f  %s" % (p.sku, p.name, p.price, p.qty, p.value, ",".join(sorted(p.tags)) or "-"))
print("total value: %.2f" % inv.total_value())
by_tag = {}
for p in inv:
    for t in p.tags:
        by_tag.setdefault(t, []).append(p.sku)
print({t: sorted(skus) for t, skus in sorted(by_tag.items())})
for sku in ("A100", "D400"):
    print(sku, inv[sku].moves)
cheap = [p.name for p in inv if p.price < 5]
print(sorted(cheap), max(inv, key=lambda p: p.price).name, min(inv, key=lambda p: (p.qty, p.sku)).sku)
price_bands = {}
for p in inv:
    band = "<1" if p.price < 1 else "<10" if p.price < 10 else "<50"
    price_bands[band] = price_bands.get(band, 0) + p.qty
print(price_bands)
