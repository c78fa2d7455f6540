# Word frequencies of a text: normalization, counting with dicts, sorting
# by count then alphabetically, bigrams, a text histogram, per-letter stats.

TEXT = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way -- in short, the period was so
far like the present period, that some of its noisiest authorities insisted
on its being received, for good or for evil, in the superlative degree of
comparison only.
"""

def words_of(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch == "'" else " ")
    return "".join(cleaned).split()

words = words_of(TEXT)
print(len(words), "words,", len(set(words)), "distinct")
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in top[:12]:
    print("%-10s %3d %s" % (word, count, "#" * count))
print([w for w, c in top if c == 1][:15])
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
bigrams = {}
for a, b in zip(words, words[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total = sum(letters.values())
for ch, n in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print("%s %4d %5.2f%%" % (ch, n, 100 * n / total))
print("".join(sorted(letters)), "missing:", "".join(c for c in "abcdefghijklmnopqrstuvwxyz" if c not in letters))
longest = max(words, key=lambda w: (len(w), w))
print(longest, len(longest), min(words, key=len), sorted(freq, key=lambda w: (freq[w], w))[-3:])
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), sentences[:3])
lines = TEXT.strip().splitlines()
for i, line in enumerate(lines, 1):
    print("%2d %3d %s" % (i, len(line.split()), line[:30]))
vowels = sum(letters.get(v, 0) for v in "aeiou")
print(vowels, total - vowels, round(vowels / total, 4))
caps = [w.strip(",.") for w in TEXT.split() if w[0].isupper()]
print(caps)
