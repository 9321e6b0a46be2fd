#!/usr/bin/env python3
# tests/os/imgdump.py LOG IMAGE - rebuild a device a guest test printed on
# the serial console: "img OFFSET HEX" lines (32 bytes that are not all
# zero, offset and bytes in hex; every other byte is zero) and one
# "img end SIZE" line.  Used by the host checks (fs.check, fsmnt.check).
# Exit status 1 when the log holds no "img end" line.
import sys

size, chunks = None, []
for line in open(sys.argv[1], errors="replace"):
    w = line.split()
    if len(w) == 3 and w[0] == "img" and w[1] == "end":
        size = int(w[2], 16)
    elif len(w) == 3 and w[0] == "img":
        chunks.append((int(w[1], 16), bytes.fromhex(w[2])))
if size is None:
    sys.exit(1)
data = bytearray(size)
for off, b in chunks:
    data[off:off + len(b)] = b
open(sys.argv[2], "wb").write(data)
