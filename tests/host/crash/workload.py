#!/usr/bin/env python3
"""tests/host/crash/workload.py - a writing workload that logs what it made
durable, and the check of that log after a crash.

  workload.py run DIR LOG SEED SRC   write in DIR until the file system
                                     goes away (micafuse killed), logging
  workload.py check DIR LOG          every file whose last logged event is
                                     a returned fsync must read back exactly

The workload (seeded, so a run can be repeated) mixes:
  - fsx-like changes to a few files: writes at random offsets (holes,
    sizes up to 2 MiB, so indirect and double-indirect blocks come and
    go), truncates down and up, appends;
  - a tree copy: files of SRC copied into new subdirectories;
  - renames (within and across directories, some over existing files),
    unlinks, mkdir/rmdir;
  - fsync of the file just changed, after one change in 4, 20 or 100
    (picked per run by the seed).
The model holds every file's expected bytes.  The log (LOG, on the host's
own file system, flushed line by line) says, in order, "dirty PATH" before
any change to PATH starts and "synced PATH SIZE SHA256" after an fsync of
PATH returned.  A PATH whose last line is "synced" must hold exactly those
bytes after the crash and the repair, whatever happened to the rest; a
dirty one may hold anything (or be gone).

check prints one line: "synced N verified N lost K" and the lost paths;
exit status 1 if any synced file is lost or differs.
"""
import errno
import hashlib
import os
import random
import sys

MAX_SIZE = 2 << 20


class Gone(Exception):
    """The file system went away (the daemon was killed)."""


GONE = (errno.ENOTCONN, errno.ECONNABORTED, errno.ENODEV, errno.EIO)


class Workload:
    def __init__(self, top, log, seed, src):
        self.top = top
        self.log = open(log, "w", buffering=1)
        self.rng = random.Random(seed)
        self.src = src
        self.files = {}           # relative path -> bytearray
        self.dirs = [""]
        self.seq = 0
        self.cur = None           # the path of the last "dirty"
        # How often to fsync: some runs leave much more unsynced.
        self.p_sync = self.rng.choice([0.25, 0.05, 0.01])

    def say(self, *words):
        self.log.write(" ".join(str(w) for w in words) + "\n")
        if words[0] == "dirty":
            self.cur = words[1]

    def make_room(self):
        """ENOSPC: drop the file whose change failed (its bytes are now
        unknown) and half of the others."""
        victims = set(self.rng.sample(sorted(self.files),
                                      len(self.files) // 2))
        if self.cur in self.files:
            victims.add(self.cur)
        for rel in sorted(victims):
            self.say("dirty", rel)
            os.unlink(self.path(rel))
            del self.files[rel]

    def path(self, rel):
        return os.path.join(self.top, rel)

    def new_name(self, prefix):
        self.seq += 1
        d = self.rng.choice(self.dirs)
        return os.path.join(d, "%s%d" % (prefix, self.seq))

    def sync(self, rel):
        fd = os.open(self.path(rel), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        data = bytes(self.files[rel])
        self.say("synced", rel, len(data), hashlib.sha256(data).hexdigest())

    def maybe_sync(self, rel):
        if self.rng.random() < self.p_sync:
            self.sync(rel)

    # --- operations ----------------------------------------------------
    def op_fsx(self):
        fsx = [p for p in self.files if os.path.basename(p).startswith("x")]
        if len(fsx) < 3 or self.rng.random() < 0.05:
            rel = self.new_name("x")
            self.say("dirty", rel)
            os.close(os.open(self.path(rel), os.O_CREAT | os.O_WRONLY, 0o644))
            self.files[rel] = bytearray()
        else:
            rel = self.rng.choice(fsx)
        m = self.files[rel]
        self.say("dirty", rel)
        r = self.rng.random()
        if r < 0.7:
            off = self.rng.randrange(MAX_SIZE)
            n = self.rng.choice([1, 100, 1000, 4096, 20000, 100000])
            n = min(n, MAX_SIZE - off)
            data = self.rng.randbytes(n)
            fd = os.open(self.path(rel), os.O_WRONLY)
            try:
                os.pwrite(fd, data, off)
            finally:
                os.close(fd)
            if off > len(m):
                m.extend(bytes(off - len(m)))
            m[off:off + n] = data
        else:
            size = self.rng.randrange(MAX_SIZE) if r < 0.9 else 0
            os.truncate(self.path(rel), size)
            if size < len(m):
                del m[size:]
            else:
                m.extend(bytes(size - len(m)))
        self.maybe_sync(rel)

    def op_copy(self):
        if not self.src:
            return
        d = self.new_name("t")
        self.say("dirty", d)
        os.mkdir(self.path(d))
        self.dirs.append(d)
        for s in self.rng.sample(self.src, min(len(self.src), 8)):
            with open(s, "rb") as f:
                data = f.read(MAX_SIZE)
            rel = os.path.join(d, os.path.basename(s))
            if rel in self.files:
                continue
            self.say("dirty", rel)
            with open(self.path(rel), "wb") as f:
                f.write(data)
            self.files[rel] = bytearray(data)
            self.maybe_sync(rel)

    def op_rename(self):
        if not self.files:
            return
        old = self.rng.choice(sorted(self.files))
        if self.rng.random() < 0.3:
            new = self.rng.choice(sorted(self.files))
        else:
            new = self.new_name("r")
        if new == old:
            return
        self.say("dirty", old)
        self.say("dirty", new)
        os.rename(self.path(old), self.path(new))
        self.files[new] = self.files.pop(old)
        self.maybe_sync(new)

    def op_unlink(self):
        if len(self.files) < 5:
            return
        rel = self.rng.choice(sorted(self.files))
        self.say("dirty", rel)
        os.unlink(self.path(rel))
        del self.files[rel]

    def op_rmdir(self):
        empty = [d for d in self.dirs[1:]
                 if not any(p.startswith(d + "/") for p in self.files)]
        if empty:
            d = self.rng.choice(empty)
            self.say("dirty", d)
            os.rmdir(self.path(d))
            self.dirs.remove(d)

    def run(self):
        ops = [(self.op_fsx, 50), (self.op_copy, 8), (self.op_rename, 15),
               (self.op_unlink, 10), (self.op_rmdir, 2)]
        fns = [f for f, _ in ops]
        weights = [w for _, w in ops]
        try:
            while True:
                try:
                    self.rng.choices(fns, weights)[0]()
                except OSError as e:
                    if e.errno != errno.ENOSPC:
                        raise
                    self.make_room()
        except OSError as e:
            if e.errno not in GONE:
                self.say("error", e)
                raise
        self.say("end")


def check(top, log):
    last = {}
    with open(log) as f:
        for line in f:
            w = line.split()
            if w and w[0] in ("dirty", "synced"):
                last[w[1]] = w
    synced = [w for w in last.values() if w[0] == "synced"]
    lost = []
    for w in synced:
        rel, size, sha = w[1], int(w[2]), w[3]
        try:
            with open(os.path.join(top, rel), "rb") as f:
                data = f.read()
        except OSError as e:
            lost.append("%s (%s)" % (rel, e.strerror))
            continue
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            lost.append("%s (%d bytes, expected %d)" % (rel, len(data), size))
    print("synced %d verified %d lost %d" %
          (len(synced), len(synced) - len(lost), len(lost)))
    for p in lost:
        print("lost: " + p)
    return 1 if lost else 0


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "run":
        top, log, seed, src = sys.argv[2:]
        files = []
        for root, _, names in os.walk(src):
            files += [os.path.join(root, n) for n in names
                      if os.path.isfile(os.path.join(root, n))
                      and not os.path.islink(os.path.join(root, n))]
        files.sort()
        Workload(top, log, int(seed), files).run()
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        return check(sys.argv[2], sys.argv[3])
    print(__doc__, file=sys.stderr)
    return 2


sys.exit(main())
