# wordcount: generate a deterministic pseudo-English text (a linear
# congruential generator picks words from a made-up vocabulary with a skewed
# distribution, capitalizes some and attaches punctuation), then count words
# the way a script would: split into lines and words, strip punctuation,
# lower-case, count in a dict, and report the top words by sorting.  The
# text is counted four ways (dict.get, `in` then +=, try/except KeyError,
# and over the lower-cased text), which must agree.
#
# Exercises: str concatenation and join, str.split/splitlines/strip/lower/
# capitalize, dict get/set with str keys (str hashing), dict equality,
# exceptions as control flow, sorted() with a key function, tuple comparison.
#
# Usage: python3 wordcount.py [words]

import sys

DEFAULT_SIZE = 600000
TOP = 5

ONSETS = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t",
          "v", "w", "st", "th", "ch", "br", "pl", ""]
VOWELS = ["a", "e", "i", "o", "u", "ea", "ou", "ai"]
CODAS = ["", "n", "r", "s", "t", "nd", "ck", "ll", "ng"]
PUNCT_AFTER = [",", ".", ";", ":", "!", "?", "'s", ")", "\""]
PUNCT_BEFORE = ["(", "\"", "'"]
STRIP = ",.;:!?()\"'"


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 7) % bound


def make_vocabulary(rng, size):
    words = []
    seen = set()
    while len(words) < size:
        parts = []
        for _ in range(1 + rng.next(3)):
            parts.append(ONSETS[rng.next(len(ONSETS))])
            parts.append(VOWELS[rng.next(len(VOWELS))])
            parts.append(CODAS[rng.next(len(CODAS))])
        w = "".join(parts)
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def make_text(n_words, seed):
    rng = Lcg(seed)
    vocab = make_vocabulary(rng, 3000)
    nv = len(vocab)
    lines = []
    line = []
    for i in range(n_words):
        # product of two uniform draws: small indices are much more common
        idx = (rng.next(nv) * rng.next(nv)) // nv
        w = vocab[idx]
        r = rng.next(100)
        if r < 8:
            w = w.capitalize()
        elif r < 9:
            w = w.upper()
        r = rng.next(100)
        if r < 12:
            w = w + PUNCT_AFTER[r % len(PUNCT_AFTER)]
        elif r < 15:
            w = PUNCT_BEFORE[r % len(PUNCT_BEFORE)] + w
        line.append(w)
        if len(line) >= 8 + rng.next(8):
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def clean(token):
    word = token.strip(STRIP).lower()
    if word.endswith("'s"):
        word = word[:-2]
    return word


def count_with_get(text):
    counts = {}
    for line in text.splitlines():
        for token in line.split():
            word = token.strip(STRIP).lower()
            if word.endswith("'s"):
                word = word[:-2]
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def count_with_in(text):
    counts = {}
    for token in text.split():
        word = clean(token)
        if not word:
            continue
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
    return counts


def count_with_except(text):
    counts = {}
    words = [clean(t) for t in text.split()]
    for word in words:
        if word:
            try:
                counts[word] += 1
            except KeyError:
                counts[word] = 1
    return counts


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    text = make_text(n, 2024)
    counts = count_with_get(text)
    same = (count_with_in(text) == counts and count_with_except(text) == counts
            and count_with_get(text.lower()) == counts)
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    checksum = 0
    for word, c in sorted(counts.items()):
        for ch in word:
            checksum = (checksum * 131 + ord(ch)) % 1000000007
        checksum = (checksum * 131 + c) % 1000000007
    top = " ".join("%s:%d" % kv for kv in ranked[:TOP])
    print("wordcount chars=%d words=%d unique=%d checksum=%d top=%s %s"
          % (len(text), total, len(counts), checksum, top, "ok" if same else "WRONG"))


main()
