# A discrete-event simulation of a bank queue with a seeded LCG: customers
# arrive, wait for one of two tellers, get served; statistics at the end.

class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (2 ** 64)
        return self.state >> 33
    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)
    def choice(self, seq):
        return seq[self.next() % len(seq)]

class Customer:
    count = 0
    def __init__(self, arrival, service, kind):
        Customer.count += 1
        self.id = Customer.count
        self.arrival = arrival
        self.service = service
        self.kind = kind
        self.start = None
        self.teller = None
    @property
    def wait(self):
        return self.start - self.arrival
    def __repr__(self):
        return "C%d(%s arr=%d svc=%d)" % (self.id, self.kind, self.arrival, self.service)

rng = LCG(42)
print([rng.randint(1, 6) for _ in range(10)], rng.choice("abc"), rng.next() % 1000)
rng = LCG(2024)
events = []
t = 0
for _ in range(25):
    t += rng.randint(1, 6)
    kind = rng.choice(["deposit", "deposit", "withdraw", "loan"])
    service = {"deposit": 3, "withdraw": 4, "loan": 9}[kind] + rng.randint(0, 2)
    events.append(Customer(t, service, kind))
print(events[:5])
tellers = {"T1": 0, "T2": 0}
served_by = {"T1": [], "T2": []}
queue = []
timeline = []
i = 0
clock = 0
done = []
while i < len(events) or queue:
    next_arrival = events[i].arrival if i < len(events) else None
    free = sorted((free_at, name) for name, free_at in tellers.items())
    earliest_free, teller = free[0]
    if queue and (next_arrival is None or earliest_free <= next_arrival):
        c = queue.pop(0)
        clock = max(earliest_free, c.arrival)
        c.start = clock
        c.teller = teller
        tellers[teller] = clock + c.service
        served_by[teller].append(c.id)
        done.append(c)
        timeline.append("%3d %s starts C%d (%s), waited %d, queue %d" % (clock, teller, c.id, c.kind, c.wait, len(queue)))
    else:
        c = events[i]
        i += 1
        clock = c.arrival
        queue.append(c)
for line in timeline[:12]:
    print(line)
print("...")
print(timeline[-1])
waits = [c.wait for c in done]
print("served", len(done), "avg wait %.2f" % (sum(waits) / len(waits)), "max wait", max(waits), "zero waits", waits.count(0))
for name in sorted(served_by):
    busy = sum(c.service for c in done if c.teller == name)
    print(name, len(served_by[name]), "customers, busy", busy, "first", served_by[name][:6])
by_kind = {}
for c in done:
    by_kind.setdefault(c.kind, []).append(c.wait)
for kind in sorted(by_kind):
    w = by_kind[kind]
    print("%-8s n=%2d mean=%5.2f" % (kind, len(w), sum(w) / len(w)))
end = max(tellers.values())
print("simulation ends at", end, "utilisation %.1f%%" % (100 * sum(c.service for c in done) / (2 * end)))
hist = {}
for w in waits:
    bucket = w // 5 * 5
    hist[bucket] = hist.get(bucket, 0) + 1
for b in sorted(hist):
    print("%3d-%-3d %s" % (b, b + 4, "*" * hist[b]))
