#!/usr/bin/env python3
"""tests/host/mfs_img.py - find and damage structures in a MINIX V3 image.

A tiny, independent reader of the V3 format (it shares no code with fs/mfs),
used by mfs_damage.sh to aim its damage at known structures:

  mfs_img.py IMG layout             block size, ninodes, zones, and the byte
                                    offsets of the inode bitmap, zone bitmap,
                                    inode table and first data zone
  mfs_img.py IMG inode PATH         "INO OFFSET": PATH's inode number and the
                                    byte offset of its on-disk inode
  mfs_img.py IMG dirent PATH        byte offset of the directory entry naming
                                    PATH (its 4-byte inode number comes first)
  mfs_img.py IMG zone PATH I        "OFFSET ZONE": where zone pointer I of
                                    PATH's inode is, and its value
  mfs_img.py IMG poke OFF HEX       write bytes (hex string) at OFF
  mfs_img.py IMG flip OFF BIT       flip one bit of the byte at OFF
  mfs_img.py IMG flips SEED N LO HI flip N bits chosen by SEED in [LO, HI)

V3 layout: superblock at byte 1024; inode bitmap from block 2; 64-byte
inodes numbered from 1; directory entries of 64 bytes (u32 inode, 60-byte
name); 7 direct zones, then indirect, double and triple indirect.
"""

import random
import struct
import sys

INODE_SIZE = 64
DIRENT_SIZE = 64


class Image:
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            f.seek(1024)
            sb = f.read(32)
        (self.ninodes, _, self.imap_blocks, self.zmap_blocks, self.firstdata,
         self.log_zone, _, self.max_size, self.zones, self.magic, _,
         self.bsize) = struct.unpack("<IHHHHHHIIHHH", sb[:30])
        if self.magic != 0x4D5A:
            sys.exit("mfs_img: %s: not a V3 image (magic %#x)" % (path, self.magic))
        self.imap_off = 2 * self.bsize
        self.zmap_off = (2 + self.imap_blocks) * self.bsize
        self.itable_off = (2 + self.imap_blocks + self.zmap_blocks) * self.bsize

    def read(self, off, n):
        with open(self.path, "rb") as f:
            f.seek(off)
            return f.read(n)

    def inode_off(self, ino):
        return self.itable_off + (ino - 1) * INODE_SIZE

    def inode(self, ino):
        raw = self.read(self.inode_off(ino), INODE_SIZE)
        mode, nlinks, uid, gid, size = struct.unpack("<HHHHI", raw[:12])
        zones = struct.unpack("<10I", raw[24:64])
        return mode, size, zones

    def block_of(self, zones, index):
        """Zone number holding block index of a file (0 for a hole)."""
        per = self.bsize // 4
        if index < 7:
            return zones[index]
        index -= 7
        if index < per:
            return self.ptr(zones[7], index)
        index -= per
        return self.ptr(self.ptr(zones[8], index // per), index % per)

    def ptr(self, zone, i):
        if zone == 0:
            return 0
        return struct.unpack("<I", self.read(zone * self.bsize + 4 * i, 4))[0]

    def entries(self, ino):
        """(name, inode, byte offset of the entry) for each live entry."""
        mode, size, zones = self.inode(ino)
        out = []
        for pos in range(0, size, DIRENT_SIZE):
            z = self.block_of(zones, pos // self.bsize)
            if z == 0:
                continue
            off = z * self.bsize + pos % self.bsize
            raw = self.read(off, DIRENT_SIZE)
            num = struct.unpack("<I", raw[:4])[0]
            if num:
                out.append((raw[4:].split(b"\0")[0].decode(errors="replace"), num, off))
        return out

    def lookup(self, path):
        """(inode number, offset of the entry naming it or None)."""
        ino, where = 1, None
        for part in [p for p in path.split("/") if p]:
            for name, num, off in self.entries(ino):
                if name == part:
                    ino, where = num, off
                    break
            else:
                sys.exit("mfs_img: %s: no %s" % (self.path, path))
        return ino, where


def write_at(path, off, data):
    with open(path, "r+b") as f:
        f.seek(off)
        f.write(data)


def flip(path, off, bit):
    with open(path, "r+b") as f:
        f.seek(off)
        b = f.read(1)
        f.seek(off)
        f.write(bytes([b[0] ^ (1 << bit)]))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    path, cmd, args = argv[1], argv[2], argv[3:]
    if cmd == "poke":
        write_at(path, int(args[0], 0), bytes.fromhex(args[1]))
    elif cmd == "flip":
        flip(path, int(args[0], 0), int(args[1]))
    elif cmd == "flips":
        rnd = random.Random(int(args[0]))
        lo, hi = int(args[2], 0), int(args[3], 0)
        for _ in range(int(args[1])):
            flip(path, rnd.randrange(lo, hi), rnd.randrange(8))
    else:
        img = Image(path)
        if cmd == "layout":
            print("bsize=%d ninodes=%d zones=%d imap=%d zmap=%d itable=%d firstdata=%d" % (
                img.bsize, img.ninodes, img.zones, img.imap_off, img.zmap_off,
                img.itable_off, img.firstdata * img.bsize))
        elif cmd == "inode":
            ino, _ = img.lookup(args[0])
            print(ino, img.inode_off(ino))
        elif cmd == "dirent":
            print(img.lookup(args[0])[1])
        elif cmd == "zone":
            ino, _ = img.lookup(args[0])
            i = int(args[1])
            print(img.inode_off(ino) + 24 + 4 * i, img.inode(ino)[2][i])
        else:
            sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
