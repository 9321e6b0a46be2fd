#!/usr/bin/env python3
"""tests/os/vblk_disk.py - the host side of the virtio-blk suites.

  vblk_disk.py make IMG SIZE SEED      a disk of SIZE bytes with the pattern
  vblk_disk.py mbr IMG T:START:COUNT... an MBR (signature and entries, types
                                        hex) over sector 0, for tables sfdisk
                                        would not write (corrupt ones)
  vblk_disk.py check IMG ORIG DISK LOG [FROM:TO...]
                                        IMG must be ORIG (the disk as the host
                                        made it) plus exactly the writes LOG
                                        says guest disk DISK made ("# wrote
                                        DISK POS LEN SEED", POS on the whole
                                        disk); with ranges, only their bytes
                                        are judged (a disk a file system also
                                        wrote: suite bdev85's mounted disks)

The pattern is test_vblk.c's: byte p of a disk is (p*7 + (p>>9) + seed) & 0xff.
"""
import re
import sys


def pattern(pos, length, seed):
    return bytes(((p * 7 + (p >> 9) + seed) & 0xff)
                 for p in range(pos, pos + length))


def main(argv):
    if argv[1] == "make":
        img, size, seed = argv[2], int(argv[3]), int(argv[4])
        with open(img, "wb") as f:
            f.write(pattern(0, size, seed))
        return 0
    if argv[1] == "mbr":
        with open(argv[2], "r+b") as f:
            f.seek(0x1be)
            for e in argv[3:]:
                t, start, count = e.split(":")
                f.write(bytes([0, 0, 0, 0, int(t, 16), 0, 0, 0]) +
                        int(start).to_bytes(4, "little") +
                        int(count).to_bytes(4, "little"))
            f.seek(0x1fe)
            f.write(b"\x55\xaa")
        return 0
    img, orig, disk, log = argv[2], argv[3], int(argv[4]), argv[5]
    ranges = [tuple(int(x) for x in r.split(":")) for r in argv[6:]]
    want = bytearray(open(orig, "rb").read())
    size = len(want)
    writes = 0
    for line in open(log, errors="replace"):
        m = re.match(r"^# wrote (\d+) (\d+) (\d+) (\d+)$", line.strip())
        if not m or int(m.group(1)) != disk:
            continue
        pos, n, s = int(m.group(2)), int(m.group(3)), int(m.group(4))
        want[pos:pos + n] = pattern(pos, n, s)
        writes += 1
    got = open(img, "rb").read()
    if len(got) != size:
        print(f"not ok - disk {disk}: image is {len(got)} bytes, not {size}")
        return 1
    judged = [range(a, min(b, size)) for a, b in ranges] or [range(size)]
    bad = [i for r in judged for i in r if got[i] != want[i]]
    where = (" in " + " ".join(f"[{a},{b})" for a, b in ranges)) if ranges else ""
    if bad:
        print(f"not ok - disk {disk}: {len(bad)} bytes differ{where}, "
              f"first at {bad[0]}")
        return 1
    print(f"ok - disk {disk}: the image{where} is the pattern plus the "
          f"guest's {writes} writes, nothing else")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
