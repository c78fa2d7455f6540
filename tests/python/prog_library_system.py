# A library-lending simulation written the way a newcomer would write it:
# classes with properties, ordering and a metaclass registry, dataclass-like
# value objects by hand, closures and decorators, generators and async
# generators driven by a tiny hand-written event loop, exceptions with
# chaining, notes and groups, string formatting of every kind, and sorting
# with keys. The output is the report; nothing depends on timing or hashes.


class Registry(type):
    """Keeps every concrete item kind by its short name."""

    kinds = {}

    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        short = kw.get("short")
        if short:
            mcs.kinds[short] = cls
        return cls

    def __repr__(cls):
        return f"<kind {cls.__name__}>"

    @property
    def label(cls):
        return cls.__name__.lower()


class Item(metaclass=Registry):
    loan_days = 21
    _next_id = 1

    def __init__(self, title, year):
        self.title = title
        self.year = year
        self.id = Item._next_id
        Item._next_id += 1
        self._holder = None

    @property
    def holder(self):
        return self._holder

    @holder.setter
    def holder(self, who):
        if who is not None and self._holder is not None:
            raise LendingError(f"{self.title!r} is already out with {self._holder}")
        self._holder = who

    def __repr__(self):
        return f"{type(self).__name__}({self.title!r}, {self.year})"

    def __lt__(self, other):
        return (self.year, self.title) < (other.year, other.title)

    def __eq__(self, other):
        return isinstance(other, Item) and self.id == other.id

    __hash__ = object.__hash__


class Book(Item, short="b"):
    def __init__(self, title, year, author, pages):
        super().__init__(title, year)
        self.author = author
        self.pages = pages


class Film(Item, short="f"):
    loan_days = 7

    def __init__(self, title, year, minutes):
        super().__init__(title, year)
        self.minutes = minutes


class LendingError(Exception):
    pass


class OverdueError(LendingError):
    def __init__(self, item, days):
        super().__init__(f"{item.title} is {days} day{'s' if days != 1 else ''} late")
        self.item = item
        self.days = days


def logged(prefix):
    """A decorator factory: counts calls in a closure."""

    def wrap(fn):
        calls = 0

        def inner(*args, **kwargs):
            nonlocal calls
            calls += 1
            result = fn(*args, **kwargs)
            log.append(f"{prefix}#{calls} {fn.__name__} -> {result!r}")
            return result

        inner.__name__ = fn.__name__
        inner.count = lambda: calls
        return inner

    return wrap


log = []


class Library:
    def __init__(self, name):
        self.name = name
        self.items = []
        self.loans = {}

    def add(self, kind, *args):
        item = Registry.kinds[kind](*args)
        self.items.append(item)
        return item

    @logged("lend")
    def lend(self, item, who, day):
        item.holder = who
        self.loans[item.id] = (who, day)
        return f"{who} took {item.title}"

    @logged("return")
    def give_back(self, item, day):
        who, since = self.loans.pop(item.id)
        item.holder = None
        late = day - since - type(item).loan_days
        if late > 0:
            raise OverdueError(item, late)
        return f"{who} returned {item.title}"

    def catalogue(self):
        for item in sorted(self.items):
            yield item

    def by_kind(self):
        groups = {}
        for item in self.items:
            groups.setdefault(type(item).label, []).append(item)
        return groups


lib = Library("Riverside")
books = [
    lib.add("b", "Dune", 1965, "Herbert", 412),
    lib.add("b", "Emma", 1815, "Austen", 474),
    lib.add("b", "Ubik", 1969, "Dick", 202),
    lib.add("b", "Beloved", 1987, "Morrison", 324),
]
films = [lib.add("f", "Alien", 1979, 117), lib.add("f", "Heat", 1995, 170)]

print(f"== {lib.name}: {len(lib.items)} items ==")
for item in lib.catalogue():
    extra = (
        f"{item.author:<10}{item.pages:>5} pp"
        if isinstance(item, Book)
        else f"{'':<10}{item.minutes:>5} min"
    )
    print(f"{item.id:>3} {item.title:<9} {item.year} {extra}")

print(sorted(Registry.kinds.items()), Book.label, Film)
print({k: [i.title for i in v] for k, v in sorted(lib.by_kind().items())})

# Lending, with errors collected rather than stopping the run.
problems = []
events = [
    ("lend", books[0], "ana", 1),
    ("lend", films[0], "bo", 2),
    ("lend", books[0], "cy", 3),
    ("return", films[0], None, 12),
    ("return", books[0], None, 20),
    ("lend", books[2], "di", 21),
    ("return", books[2], None, 50),
    ("return", books[1], None, 51),
]
for action, item, who, day in events:
    try:
        if action == "lend":
            print(lib.lend(item, who, day))
        else:
            print(lib.give_back(item, day))
    except OverdueError as e:
        e.add_note(f"fine: {e.days * 0.25:.2f}")
        problems.append(e)
        print("overdue:", e, "|", e.__notes__)
    except LendingError as e:
        problems.append(e)
        print("refused:", e)
    except KeyError as e:
        try:
            raise LendingError(f"{item.title} was never lent") from e
        except LendingError as chained:
            problems.append(chained)
            print("error:", chained, "caused by", repr(chained.__cause__))

print("\n".join(log))
print("lend calls:", Library.lend.count(), "return calls:", Library.give_back.count())

# Exception groups: raise everything at once and sort it out with except*.
try:
    raise ExceptionGroup("end of day", problems)
except* OverdueError as eg:
    late = sorted(eg.exceptions, key=lambda e: -e.days)
    print("overdue group:", [(e.item.title, e.days) for e in late])
except* LendingError as eg:
    print("other problems:", len(eg.exceptions), eg.message)

eg = ExceptionGroup("all", problems)
over, rest = eg.split(OverdueError)
print(repr(over.exceptions[0]), len(rest.exceptions), eg.subgroup(lambda e: "never" in str(e)))


# Generators: a pipeline over the catalogue.
def pages(items):
    for item in items:
        if isinstance(item, Book):
            yield item.title, item.pages


def running_total(pairs):
    total = 0
    for title, n in pairs:
        total += n
        received = yield f"{title}: {total}"
        if received == "reset":
            total = 0
    return total


gen = running_total(pages(lib.catalogue()))
print(next(gen), gen.send(None), gen.send("reset"))
try:
    while True:
        print(next(gen))
except StopIteration as stop:
    print("final total", stop.value)


# Async generators and coroutines, driven by a hand-written loop.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks


async def due_dates(items):
    for item in items:
        waited = await Sleep(item.id % 3)
        yield item.title, item.year + type(item).loan_days, waited


async def collect(items):
    out = []
    async for title, due, waited in due_dates(items):
        out.append(f"{title}@{due}/{waited}")
    return out


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as stop:
            return stop.value, ticks


result, ticks = run(collect(sorted(lib.items, key=lambda i: i.title)))
print(result, "ticks:", ticks)


async def first_after(agen_fn, year):
    async for title, due, _ in agen_fn:
        if due > year:
            return title
    return None


print(run(first_after(due_dates(lib.items), 1990)))
agen = due_dates(films)
print(type(agen).__name__, run(agen.__anext__()), run(agen.aclose()))

# Formatting: %, str.format, f-strings with nested specs, and repr/ascii.
width = 12
for item in sorted(lib.items, key=lambda i: (-len(i.title), i.title))[:3]:
    print("%-8s|%6.1f|%x" % (item.title, item.year / 100, item.year))
    print("{0.title:^{w}}|{0.year:+06d}|{1!r}".format(item, item.title[::-1], w=width))
    print(f"{item.title!a:>{width}} {item.year:_b} {item.year:#o} {item.year / 7:.3e}")
stats = {"books": len(books), "films": len(films), "ratio": len(books) / len(films)}
print("{books} books, {films} films, ratio {ratio:.2%}".format(**stats))
print(ascii("café ☕"), repr("tab\there"), f"{'nested ' f'{1 + 1}'}", format(1234567.891, ",.2f"))

# Sorting: stable multi-key sorts and custom ordering.
people = [("ana", 31, 2.5), ("bo", 25, 4.0), ("cy", 31, 1.0), ("di", 25, 4.0), ("ed", 40, 2.5)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[2], p[0])))
print(sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1]))
print(max(lib.items), min(lib.items, key=lambda i: len(i.title)), sorted(lib.items, reverse=True)[:2])
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
