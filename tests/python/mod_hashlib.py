# gc-stress: 20
# hashlib: digests of known inputs for md5/sha1/sha2/sha3/blake2/shake,
# update in pieces, copy, hexdigest, new(), name/size attributes, hmac,
# and errors. (pbkdf2_hmac is left out: without _hashlib, hashlib's
# Python fallback prints a DeprecationWarning.)
import hashlib
import hmac

msg = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s"]:
    h = hashlib.new(name, msg)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
h = hashlib.sha256()
for i in range(0, len(msg), 7):
    h.update(msg[i:i + 7])
c = h.copy()
c.update(b"!")
print(h.hexdigest() == hashlib.sha256(msg).hexdigest(), c.hexdigest(), h.digest()[:4])
print(hashlib.shake_128(msg).hexdigest(16), hashlib.shake_256(b"").hexdigest(8))
print(hashlib.blake2b(msg, digest_size=16, key=b"key", salt=b"salt", person=b"me").hexdigest())
print(hashlib.blake2s(b"", digest_size=8).hexdigest(), hashlib.md5(b"").hexdigest(), hashlib.sha1(bytearray(b"abc")).hexdigest())
print(hmac.new(b"key", msg, "sha256").hexdigest(), hmac.compare_digest(b"a", b"a"), hmac.digest(b"k", b"m", "md5").hex())
print(sorted(a for a in hashlib.algorithms_guaranteed if not a.startswith("shake"))[:6])
print(hashlib.sha512(b"abc").hexdigest()[:32], hashlib.sha384().hexdigest()[:16], hashlib.sha3_224(b"abc").hexdigest())
print(hashlib.md5(b"x", usedforsecurity=False).hexdigest())
for bad in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("text"), lambda: hashlib.sha256().update(5),
            lambda: hashlib.blake2b(digest_size=100)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
