# gc-stress: 20
# uuid: parsing and the UUID's fields and forms, uuid3/uuid5 (name
# based, deterministic), uuid1/uuid4 shapes (version, variant), errors.
import uuid

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.urn, u.version, u.variant)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.time, u.clock_seq)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID("urn:uuid:12345678123456781234567812345678") == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u, uuid.UUID(fields=u.fields) == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "http://example.com/"), uuid.uuid3(uuid.NAMESPACE_OID, "1.2.3"), uuid.uuid5(uuid.NAMESPACE_X500, "cn=x"))
r = uuid.uuid4()
print(r.version, r.variant == uuid.RFC_4122, len(str(r)), str(r).count("-"))
t = uuid.uuid1()
print(t.version, t.variant, uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)]), uuid.UUID(int=1) < uuid.UUID(int=2), hash(u) == hash(uuid.UUID(str(u))))
print(uuid.NAMESPACE_DNS, uuid.NIL if hasattr(uuid, "NIL") else uuid.UUID(int=0), uuid.UUID(int=0).version)
print(str(uuid.UUID("12345678-1234-5678-1234-567812345678", version=4)))
for bad in [lambda: uuid.UUID("xyz"), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(bytes=b"short"), lambda: uuid.UUID(),
            lambda: uuid.UUID("12345678-1234-5678-1234-567812345678", version=9)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    u.hex = "x"
except TypeError as e:
    print("TypeError:", e)
print(uuid.UUID(str(u).upper()) == u, uuid.SafeUUID.unknown, u.is_safe)
