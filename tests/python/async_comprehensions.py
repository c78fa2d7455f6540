# Async comprehensions: async for in list/set/dict comprehensions and
# generator expressions, await inside comprehensions, nesting, and
# errors raised inside them.
from _helper_aio import Sleep, Yield, run


async def agen(n):
    for i in range(n):
        await Yield()
        yield i


async def double(x):
    await Sleep(1)
    return 2 * x


class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i == self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def main():
    print([x async for x in agen(5)])
    print({x % 3 async for x in agen(7)})
    print({x: x * x async for x in agen(4)})
    print([x async for x in agen(10) if x % 2 if x > 2])
    print([await double(x) for x in range(4)])
    print([await double(x) async for x in agen(3)])
    print([(x, y) async for x in agen(3) for y in range(x)])
    print([(x, y) for x in range(2) async for y in agen(2)])
    print([[y async for y in agen(x)] async for x in ARange(3)])
    print(sorted({await double(x) for x in [3, 1, 2]}))

    # async generator expression: an async generator object
    ge = (x * 10 async for x in agen(3))
    print(type(ge).__name__, ge.__name__)
    print([v async for v in ge])
    ge2 = (await double(x) for x in range(3))
    print(type(ge2).__name__, [v async for v in ge2])

    # the comprehension's variable does not leak; outer names are seen
    k = "outer"
    r = [k async for k in agen(2)]
    print(r, k)

    # exceptions propagate out of the comprehension
    async def failing():
        yield 1
        raise ValueError("in agen")

    try:
        [x async for x in failing()]
    except ValueError as e:
        print("ValueError:", e)
    try:
        [1 / x async for x in agen(3)]
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        [x async for x in range(3)]
    except TypeError as e:
        print("TypeError:", e)
    # walrus inside a comprehension binds in the function
    total = [last := x async for x in agen(4)]
    print(total, last)
    return "ok"


print(run(main()))
