# An LRU cache built on dict insertion order, and Huffman coding with a
# deterministic tie-break (encode, decode, code table, compression ratio).

class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = self.evictions = 0
    def get(self, key, default=None):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evictions += 1
        self.data[key] = value
    def __repr__(self):
        return "LRU(%s)" % ", ".join("%r:%r" % kv for kv in self.data.items())

cache = LRUCache(3)
for op in ["put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put e 5", "get a", "get d", "put c 30", "get e"]:
    parts = op.split()
    if parts[0] == "put":
        cache.put(parts[1], int(parts[2]))
        print(op, "->", cache)
    else:
        print(op, "->", cache.get(parts[1]), cache)
print(cache.hits, cache.misses, cache.evictions)

def cached(capacity):
    def deco(fn):
        lru = LRUCache(capacity)
        def wrapper(n):
            v = lru.get(n)
            if v is None:
                v = fn(n)
                lru.put(n, v)
            return v
        wrapper.cache = lru
        return wrapper
    return deco
@cached(50)
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print(ways(30), ways.cache.hits, ways.cache.misses, len(ways.cache.data))

def huffman_codes(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(count, ch, ch) for ch, count in freq.items()]
    if len(nodes) == 1:
        return {nodes[0][1]: "0"}, freq
    counter = 0
    while len(nodes) > 1:
        nodes.sort(key=lambda n: (n[0], n[1]))
        (c1, k1, a), (c2, k2, b) = nodes[0], nodes[1]
        counter += 1
        nodes = nodes[2:] + [(c1 + c2, min(k1, k2), (a, b))]
    codes = {}
    def walk(tree, prefix):
        if isinstance(tree, str):
            codes[tree] = prefix
        else:
            walk(tree[0], prefix + "0")
            walk(tree[1], prefix + "1")
    walk(nodes[0][2], "")
    return codes, freq

def encode(text, codes):
    return "".join(codes[ch] for ch in text)

def decode(bits, codes):
    reverse = {v: k for k, v in codes.items()}
    out, cur = [], ""
    for b in bits:
        cur += b
        if cur in reverse:
            out.append(reverse[cur])
            cur = ""
    return "".join(out)

for text in ["abracadabra", "mississippi river", "aaaaaaa", "the quick brown fox jumps over the lazy dog", "ab"]:
    codes, freq = huffman_codes(text)
    bits = encode(text, codes)
    table = ", ".join("%r:%s" % (ch, codes[ch]) for ch in sorted(codes, key=lambda c: (len(codes[c]), c)))
    print(repr(text))
    print("  codes:", table)
    print("  bits: %d vs %d, ratio %.3f, roundtrip %s" % (len(bits), 8 * len(text), len(bits) / (8 * len(text)), decode(bits, codes) == text))
    print("  prefix-free:", all(not b.startswith(a) for a in codes.values() for b in codes.values() if a != b))
    print("  weighted length:", sum(freq[c] * len(codes[c]) for c in codes), bits[:40])
