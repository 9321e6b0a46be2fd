#!/usr/bin/env python3
"""mkfsck_manifest.py - one line per file (path, type, mode, owner, size,
times, links, content digest) of a MINIX image or of a directory tree, so
the two can be compared with diff.  The image reader is independent of the
C code under test: its own superblock, inode, zone-map and directory code.

usage: mkfsck_manifest.py image IMG [--no-atime] [--v1]
       mkfsck_manifest.py tree DIR [--no-atime] [--v1]
--v1: V1 keeps only mtime (atime and ctime are shown as the mtime);
--no-atime: leave atime out (it moves when the tree is read).
ctime is left out: a tree's ctimes cannot be set to the image's.
"""
import hashlib
import os
import stat
import struct
import sys


class Image:
    def __init__(self, path):
        self.f = open(path, "rb")
        raw = self.rd(1024, 32)
        if struct.unpack_from("<H", raw, 24)[0] == 0x4D5A:
            self.v = 3
            self.ninodes, _, imap, zmap = struct.unpack_from("<IHHH", raw)
            self.bs = struct.unpack_from("<H", raw, 28)[0] or 65536
            self.namelen = 60
        else:
            magic = struct.unpack_from("<H", raw, 16)[0]
            self.v = 1 if magic in (0x137F, 0x138F) else 2
            self.ninodes, _, imap, zmap = struct.unpack_from("<HHHH", raw)
            self.bs = 1024
            self.namelen = 14 if magic in (0x137F, 0x2468) else 30
        self.isz = 32 if self.v == 1 else 64
        self.dsz = 64 if self.v == 3 else self.namelen + 2
        self.psz = 2 if self.v == 1 else 4
        self.itab = (2 + imap + zmap) * self.bs

    def rd(self, off, n):
        self.f.seek(off)
        return self.f.read(n)

    def inode(self, n):
        b = self.rd(self.itab + (n - 1) * self.isz, self.isz)
        if self.v == 1:
            mode, uid, size, mtime, gid, nl = struct.unpack_from(
                "<HHIIBB", b)
            return dict(mode=mode, uid=uid, gid=gid, size=size, nl=nl,
                        atime=mtime, mtime=mtime,
                        zone=list(struct.unpack_from("<9H", b, 14)))
        mode, nl, uid, gid, size, at, mt, ct = struct.unpack_from(
            "<HHHHIIII", b)
        return dict(mode=mode, uid=uid, gid=gid, size=size, nl=nl,
                    atime=at, mtime=mt,
                    zone=list(struct.unpack_from("<10I", b, 24)))

    def ptr(self, z, i):
        if z == 0:
            return 0
        b = self.rd(z * self.bs + i * self.psz, self.psz)
        return struct.unpack("<H" if self.psz == 2 else "<I", b)[0]

    def bmap(self, ino, k):
        n = self.bs // self.psz
        if k < 7:
            return ino["zone"][k]
        k -= 7
        if k < n:
            return self.ptr(ino["zone"][7], k)
        k -= n
        if k < n * n:
            return self.ptr(self.ptr(ino["zone"][8], k // n), k % n)
        k -= n * n
        z = self.ptr(ino["zone"][9], k // (n * n))
        return self.ptr(self.ptr(z, (k // n) % n), k % n)

    def data(self, ino):
        out = bytearray()
        for k in range((ino["size"] + self.bs - 1) // self.bs):
            z = self.bmap(ino, k)
            out += self.rd(z * self.bs, self.bs) if z else bytes(self.bs)
        return bytes(out[:ino["size"]])

    def entries(self, ino):
        d = self.data(ino)
        off = 4 if self.v == 3 else 2
        for i in range(2 * self.dsz, len(d), self.dsz):
            e = d[i:i + self.dsz]
            num = struct.unpack_from("<I" if self.v == 3 else "<H", e)[0]
            if num:
                yield e[off:].split(b"\0")[0].decode("utf-8", "replace"), num


def line(path, kind, mode, uid, gid, size, atime, mtime, nl, extra, opts):
    at = "-" if "--no-atime" in opts else str(atime)
    return "%s %s %04o %d:%d %d %s %d %d %s" % (
        path, kind, mode & 0o7777, uid, gid, size, at, mtime, nl, extra)


def kind_extra(mode, content, rdev):
    if stat.S_ISREG(mode):
        return "f", hashlib.sha256(content).hexdigest()
    if stat.S_ISLNK(mode):
        return "l", content.decode("utf-8", "replace")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return ("c" if stat.S_ISCHR(mode) else "b"), "%d,%d" % rdev
    if stat.S_ISDIR(mode):
        return "d", ""
    return ("p" if stat.S_ISFIFO(mode) else "s"), ""


def walk_image(img, opts):
    out, stack = [], [(1, "")]
    while stack:
        n, path = stack.pop()
        ino = img.inode(n)
        mode = ino["mode"]
        content = b"" if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)) \
            else img.data(ino)
        z = ino["zone"][0]      # Linux's new_encode_dev (8+8 bits on V1)
        rdev = ((z & 0xFFF00) >> 8, (z & 0xFF) | ((z >> 12) & 0xFFF00))
        k, extra = kind_extra(mode, content, rdev)
        size = ino["size"] if k in "fl" else 0
        out.append(line(path or "/", k, mode, ino["uid"], ino["gid"], size,
                        ino["atime"], ino["mtime"], ino["nl"], extra, opts))
        if k == "d":
            for name, num in img.entries(ino):
                stack.append((num, path + "/" + name))
    return out


def walk_tree(top, opts):
    out = []
    for root, dirs, files in os.walk(top):
        for name in [""] + dirs + files:
            p = os.path.join(root, name) if name else root
            if name == "" and root != top:
                continue
            st = os.lstat(p)
            content = b""
            if stat.S_ISREG(st.st_mode):
                with open(p, "rb") as fh:
                    content = fh.read()
            elif stat.S_ISLNK(st.st_mode):
                content = os.fsencode(os.readlink(p))
            rdev = (os.major(st.st_rdev), os.minor(st.st_rdev))
            k, extra = kind_extra(st.st_mode, content, rdev)
            size = st.st_size if k in "fl" else 0
            at = st.st_mtime if "--v1" in opts else st.st_atime
            rel = "/" + os.path.relpath(p, top) if p != top else "/"
            out.append(line(rel, k, st.st_mode, st.st_uid, st.st_gid, size,
                            int(at), int(st.st_mtime), st.st_nlink, extra,
                            opts))
    return out


def main():
    opts = sys.argv[3:]
    if sys.argv[1] == "image":
        lines = walk_image(Image(sys.argv[2]), opts)
    else:
        lines = walk_tree(sys.argv[2], opts)
    for ln in sorted(lines):
        print(ln)


if __name__ == "__main__":
    main()
