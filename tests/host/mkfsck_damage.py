#!/usr/bin/env python3
"""mkfsck_damage.py - damage a MINIX image in one named way (for the fsck
tests).  Written independently of the C code it tests: it reads the
superblock, inodes and directories itself.

usage: mkfsck_damage.py IMAGE KIND        one named damage (see damage())
       mkfsck_damage.py IMAGE flip SEED N flip N random bits in metadata
       mkfsck_damage.py batch BASE OUTDIR KIND...
                         OUTDIR/KIND.img: a copy of BASE with that damage
       mkfsck_damage.py flips BASE OUTDIR SEEDS N
                         OUTDIR/flip-S.img for S in 1..SEEDS, N flips each

The named kinds expect the tree made by mkfsck_damage.sh: /a (hard-linked
as /sub/hard), /big (several zones), /cdev, /fifo, /sub, /sub/deep.
"""
import random
import struct
import sys


class Img:
    def __init__(self, path):
        self.f = open(path, "r+b")
        self.f.seek(1024)
        raw = self.f.read(32)
        self.raw = raw
        magic3 = struct.unpack_from("<H", raw, 24)[0]
        magic12 = struct.unpack_from("<H", raw, 16)[0]
        if magic3 == 0x4D5A:
            self.v = 3
            (self.ninodes, _, self.imap, self.zmap, self.first, _, _,
             _, self.zones) = struct.unpack_from("<IHHHHHHII", raw, 0)
            self.bs = struct.unpack_from("<H", raw, 28)[0]
            self.namelen = 60
        else:
            self.v = 1 if magic12 in (0x137F, 0x138F) else 2
            (self.ninodes, nz, self.imap, self.zmap,
             self.first) = struct.unpack_from("<HHHHH", raw, 0)
            self.zones = nz if self.v == 1 else \
                struct.unpack_from("<I", raw, 20)[0]
            self.bs = 1024
            self.namelen = 14 if magic12 in (0x137F, 0x2468) else 30
        self.isz = 32 if self.v == 1 else 64
        self.dsz = 64 if self.v == 3 else self.namelen + 2
        self.itab = 2 + self.imap + self.zmap

    def rd(self, off, n):
        self.f.seek(off)
        return self.f.read(n)

    def wr(self, off, data):
        self.f.seek(off)
        self.f.write(data)

    def ipos(self, n):
        return self.itab * self.bs + (n - 1) * self.isz

    def inode(self, n):
        b = self.rd(self.ipos(n), self.isz)
        if self.v == 1:
            mode, uid, size, mtime, gid, nl = struct.unpack_from(
                "<HHIIBB", b, 0)
            zones = list(struct.unpack_from("<9H", b, 14))
        else:
            mode, nl, uid, gid, size = struct.unpack_from("<HHHHI", b, 0)
            zones = list(struct.unpack_from("<10I", b, 24))
        return {"mode": mode, "nlinks": nl, "size": size, "zone": zones}

    def put_inode(self, n, ino):
        b = bytearray(self.rd(self.ipos(n), self.isz))
        if self.v == 1:
            struct.pack_into("<HHI", b, 0, ino["mode"],
                             struct.unpack_from("<H", b, 2)[0], ino["size"])
            b[13] = ino["nlinks"] & 0xFF
            struct.pack_into("<9H", b, 14, *ino["zone"][:9])
        else:
            struct.pack_into("<HH", b, 0, ino["mode"], ino["nlinks"])
            struct.pack_into("<I", b, 8, ino["size"])
            struct.pack_into("<10I", b, 24, *ino["zone"])
        self.wr(self.ipos(n), bytes(b))

    def entries(self, dino):
        """(offset, ino, name) of the entries in the direct zones."""
        d = self.inode(dino)
        out = []
        per = self.bs // self.dsz
        for k in range((d["size"] + self.dsz - 1) // self.dsz):
            z = d["zone"][k // per]
            off = z * self.bs + (k % per) * self.dsz
            e = self.rd(off, self.dsz)
            ino = struct.unpack_from("<I" if self.v == 3 else "<H", e)[0]
            name = e[4 if self.v == 3 else 2:].split(b"\0")[0].decode()
            out.append((off, ino, name))
        return out

    def lookup(self, path):
        ino = 1
        for part in path.strip("/").split("/"):
            ino = [i for _, i, nm in self.entries(ino) if nm == part][0]
        return ino

    def set_entry_ino(self, off, ino):
        self.wr(off, struct.pack("<I" if self.v == 3 else "<H", ino))

    def flip_bit(self, block, bit):
        off = block * self.bs + bit // 8
        b = self.rd(off, 1)[0] ^ (1 << (bit % 8))
        self.wr(off, bytes([b]))


def zmap_bit(im, zone):
    return zone - im.first + 1


def damage(im, kind):
    zb = 2 + im.imap
    if kind == "zmap-clear":
        im.flip_bit(zb, zmap_bit(im, im.inode(1)["zone"][0]))
    elif kind == "zmap-set":
        im.flip_bit(zb, zmap_bit(im, im.zones - 1))
    elif kind == "imap-clear":
        im.flip_bit(2, im.lookup("a"))
    elif kind == "imap-set":
        im.flip_bit(2, im.ninodes)
    elif kind == "nlinks":
        n = im.lookup("a")
        ino = im.inode(n)
        ino["nlinks"] += 1
        im.put_inode(n, ino)
    elif kind in ("zone-high", "zone-meta"):
        n = im.lookup("big")
        ino = im.inode(n)
        ino["zone"][1] = im.zones + 7 if kind == "zone-high" else 1
        im.put_inode(n, ino)
    elif kind == "zone-dup":
        a, big = im.lookup("a"), im.lookup("big")
        ino = im.inode(a)
        ino["zone"][0] = im.inode(big)["zone"][3]
        im.put_inode(a, ino)
    elif kind == "dirent-ino":
        off = [o for o, _, nm in im.entries(1) if nm == "cdev"][0]
        im.set_entry_ino(off, min(im.ninodes + 5, 0xFFFF))
    elif kind == "dotdot":
        sub = im.lookup("sub")
        im.set_entry_ino(im.entries(sub)[1][0], sub)
    elif kind == "dot":
        sub = im.lookup("sub")
        off = im.entries(sub)[0][0]
        im.wr(off + (4 if im.v == 3 else 2), b"x")
    elif kind == "dirsize":
        ino = im.inode(1)
        ino["size"] += 1
        im.put_inode(1, ino)
    elif kind == "size-small":
        n = im.lookup("big")
        ino = im.inode(n)
        ino["size"] = 100
        im.put_inode(n, ino)
    elif kind == "size-huge":
        n = im.lookup("big")
        ino = im.inode(n)
        ino["size"] = 0xFFFFFFF0
        im.put_inode(n, ino)
    elif kind == "dirloop":
        deep, sub = im.lookup("sub/deep"), im.lookup("sub")
        ino = im.inode(deep)
        off = ino["zone"][0] * im.bs + 2 * im.dsz
        im.wr(off, struct.pack("<I" if im.v == 3 else "<H", sub) + b"up")
        ino["size"] += im.dsz
        im.put_inode(deep, ino)
    elif kind == "detach":
        off = [o for o, _, nm in im.entries(1) if nm == "sub"][0]
        im.set_entry_ino(off, 0)
    elif kind == "superflags":
        im.wr(1024 + (14 if im.v == 3 else 18), struct.pack("<H", 0x0011))
    elif kind == "unreach":
        n = im.ninodes
        im.flip_bit(2, n)
        im.put_inode(n, {"mode": 0o100644, "nlinks": 1, "size": 0,
                         "zone": [0] * 10})
    elif kind == "mode":
        n = im.lookup("fifo")
        ino = im.inode(n)
        ino["mode"] = 0o170644
        im.put_inode(n, ino)
    elif kind == "magic":
        im.wr(1024 + (24 if im.v == 3 else 16), b"\x00\x00")
    else:
        sys.exit("unknown damage " + kind)


def flip(im, seed, n):
    """Flip n random bits in the superblock counts' neighbours, the maps,
    the inode table and the first data zones (the root's directory)."""
    rnd = random.Random(seed)
    meta_end = im.first + 4
    for _ in range(n):
        if rnd.randrange(24) == 0:      # the superblock's fields
            off = 1024 + rnd.randrange(32)
            im.wr(off, bytes([im.rd(off, 1)[0] ^ (1 << rnd.randrange(8))]))
            continue
        blk = rnd.randrange(2, meta_end)
        im.flip_bit(blk, rnd.randrange(im.bs * 8))


def copy_damaged(base, out, fn):
    with open(base, "rb") as src, open(out, "wb") as dst:
        dst.write(src.read())
    im = Img(out)
    fn(im)
    im.f.close()


def main():
    if sys.argv[1] == "batch":
        for kind in sys.argv[4:]:
            copy_damaged(sys.argv[2], "%s/%s.img" % (sys.argv[3], kind),
                         lambda im, k=kind: damage(im, k))
        return
    if sys.argv[1] == "flips":
        n = int(sys.argv[5])
        for seed in range(1, int(sys.argv[4]) + 1):
            copy_damaged(sys.argv[2], "%s/flip-%d.img" % (sys.argv[3], seed),
                         lambda im, sd=seed: flip(im, sd, n))
        return
    im = Img(sys.argv[1])
    if sys.argv[2] == "flip":
        flip(im, int(sys.argv[3]), int(sys.argv[4]))
    else:
        damage(im, sys.argv[2])
    im.f.close()


if __name__ == "__main__":
    main()
