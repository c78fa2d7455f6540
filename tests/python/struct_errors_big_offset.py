# pack_into/unpack_from with offsets near sys.maxsize: the error message
# gives the sum as CPython's size_t arithmetic does, no overflow.
import struct
import sys

for off in (sys.maxsize, sys.maxsize - 1, -sys.maxsize, -1, 8, 7):
    try:
        struct.pack_into('<I', bytearray(10), off, 7)
        print("packed", off)
    except struct.error as e:
        print("pack", e)
    try:
        print(struct.unpack_from('<I', bytearray(10), off))
    except struct.error as e:
        print("unpack", e)
