#!/usr/bin/env python3
"""tests/host/mfs_posix.py - POSIX semantics through a mounted file system.

usage: mfs_posix.py MOUNT --name-max N --link-max N --size-max N
                    [--times | --no-times] [--link-max-test] [--unpriv]

Run as root against an empty, freshly mounted file system (micafuse with
-o allow_other,default_permissions when --unpriv is given).  Each check
prints "ok - what" or "not ok - what: detail"; the exit status is 1 if any
check failed.  What is checked, in groups:

  errors      EEXIST ENOENT ENOTDIR EISDIR ENOTEMPTY EINVAL, ENAMETOOLONG at
              exactly name-max + 1, EFBIG at size-max, EMLINK at link-max
  open        O_EXCL (also on a dangling symlink), O_TRUNC
  data        truncate extends with zeros, also over bytes written before a
              shrink; holes read back as zeros; unlinked open files live on
  rename      replacing files and empty directories, across directories,
              the loop check, never EXDEV; atomic replacement under a
              concurrent reader
  nodes       FIFOs and device numbers, hard link counts, directory nlink
  times       which of atime/mtime/ctime each call updates, and which it
              must leave alone (skipped with --no-times, for MINIX V1,
              whose inodes keep one time only)
  perms       as nobody (--unpriv): EACCES and EPERM from default
              permissions, sticky directories, chmod/chown/utime rules
  setgid      a setgid directory passes its group and the bit on

Times are checked with one-second resolution (MINIX keeps seconds): the
objects get old times first, the script sleeps past a second boundary, then
makes the calls, then reads the times back.
"""

import argparse
import errno
import json
import os
import select
import stat
import sys
import time

FAILED = []
COUNT = [0]


def report(ok, what, detail=""):
    COUNT[0] += 1
    if ok:
        print("ok %d - %s" % (COUNT[0], what))
    else:
        print("not ok %d - %s%s" % (COUNT[0], what, ": " + detail if detail else ""))
        FAILED.append(what + (": " + detail if detail else ""))
    sys.stdout.flush()


def expect_errno(what, code, fn, *args):
    """fn(*args) must raise OSError with errno code."""
    try:
        fn(*args)
    except OSError as e:
        report(e.errno == code, what,
               "got %s, want %s" % (errno.errorcode.get(e.errno, e.errno),
                                    errno.errorcode[code]))
        return
    except Exception as e:  # a crash of the check itself is a failure too
        report(False, what, "raised %r" % e)
        return
    report(False, what, "succeeded, want %s" % errno.errorcode[code])


def expect_ok(what, fn, *args):
    try:
        fn(*args)
    except OSError as e:
        report(False, what, "failed: %s" % os.strerror(e.errno))
        return False
    report(True, what)
    return True


def write_file(path, data, mode=0o644):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def create_excl(path):
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))


def open_write(path):
    os.close(os.open(path, os.O_WRONLY))


def pwrite_at(path, off, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        n = os.pwrite(fd, data, off)
    finally:
        os.close(fd)
    return n


# ---------------------------------------------------------------- errors

def check_errors(m, a):
    d = os.path.join(m, "err")
    os.mkdir(d)
    f = os.path.join(d, "file")
    write_file(f, b"data")
    sub = os.path.join(d, "sub")
    os.mkdir(sub)
    write_file(os.path.join(sub, "x"), b"x")
    empty = os.path.join(d, "empty")
    os.mkdir(empty)

    expect_errno("mkdir on an existing name: EEXIST", errno.EEXIST, os.mkdir, f)
    expect_errno("O_CREAT|O_EXCL on an existing file: EEXIST", errno.EEXIST, create_excl, f)
    expect_errno("link onto an existing name: EEXIST", errno.EEXIST, os.link, f, empty)
    expect_errno("symlink onto an existing name: EEXIST", errno.EEXIST, os.symlink, "t", f)
    expect_errno("mkfifo on an existing name: EEXIST", errno.EEXIST, os.mkfifo, sub)
    missing = os.path.join(d, "missing")
    expect_errno("open a missing file: ENOENT", errno.ENOENT, read_file, missing)
    expect_errno("unlink a missing file: ENOENT", errno.ENOENT, os.unlink, missing)
    expect_errno("rmdir a missing directory: ENOENT", errno.ENOENT, os.rmdir, missing)
    expect_errno("rename a missing file: ENOENT", errno.ENOENT, os.rename, missing, f + "2")
    expect_errno("create under a missing directory: ENOENT", errno.ENOENT,
                 write_file, os.path.join(missing, "x"), b"")
    expect_errno("path through a file: ENOTDIR", errno.ENOTDIR, os.stat, f + "/x")
    expect_errno("mkdir under a file: ENOTDIR", errno.ENOTDIR, os.mkdir, f + "/x")
    expect_errno("rmdir a file: ENOTDIR", errno.ENOTDIR, os.rmdir, f)
    expect_errno("rename a directory onto a file: ENOTDIR", errno.ENOTDIR, os.rename, empty, f)
    expect_errno("listdir a file: ENOTDIR", errno.ENOTDIR, os.listdir, f)
    expect_errno("open a directory for writing: EISDIR", errno.EISDIR, open_write, sub)
    expect_errno("unlink a directory: EISDIR", errno.EISDIR, os.unlink, sub)
    expect_errno("rename a file onto a directory: EISDIR", errno.EISDIR, os.rename, f, empty)
    expect_errno("truncate a directory: EISDIR", errno.EISDIR, os.truncate, sub, 0)
    expect_errno("rmdir a non-empty directory: ENOTEMPTY", errno.ENOTEMPTY, os.rmdir, sub)
    expect_errno("rename a directory onto a non-empty one: ENOTEMPTY",
                 errno.ENOTEMPTY, os.rename, empty, sub)
    expect_errno("rename a directory into itself: EINVAL", errno.EINVAL,
                 os.rename, sub, os.path.join(sub, "inner"))
    expect_errno("link to a directory: EPERM", errno.EPERM, os.link, sub,
                 os.path.join(d, "dirlink"))
    check_name_max(d, a.name_max)
    check_size_max(d, a.size_max)
    if a.link_max_test:
        check_link_max(d, a.link_max)


def check_name_max(d, n):
    ok_name = os.path.join(d, "n" * n)
    long_name = os.path.join(d, "n" * (n + 1))
    expect_ok("create a %d-character name" % n, write_file, ok_name, b"n")
    report(os.path.basename(ok_name) in os.listdir(d),
           "the %d-character name is listed in full" % n)
    expect_errno("create a %d-character name: ENAMETOOLONG" % (n + 1),
                 errno.ENAMETOOLONG, write_file, long_name, b"")
    expect_errno("mkdir a %d-character name: ENAMETOOLONG" % (n + 1),
                 errno.ENAMETOOLONG, os.mkdir, long_name)
    expect_errno("rename onto a %d-character name: ENAMETOOLONG" % (n + 1),
                 errno.ENAMETOOLONG, os.rename, ok_name, long_name)
    expect_errno("link as a %d-character name: ENAMETOOLONG" % (n + 1),
                 errno.ENAMETOOLONG, os.link, ok_name, long_name)
    expect_errno("symlink as a %d-character name: ENAMETOOLONG" % (n + 1),
                 errno.ENAMETOOLONG, os.symlink, "t", long_name)
    expect_errno("look up a %d-character name: ENAMETOOLONG" % (n + 1),
                 errno.ENAMETOOLONG, os.stat, long_name)
    report(os.statvfs(d).f_namemax == n, "statvfs f_namemax is %d" % n,
           "got %d" % os.statvfs(d).f_namemax)


def check_size_max(d, size_max):
    f = os.path.join(d, "big")
    try:
        n = pwrite_at(f, size_max - 1, b"z")
        report(n == 1, "write the last byte below the size limit (%d)" % size_max)
    except OSError as e:
        report(False, "write the last byte below the size limit (%d)" % size_max,
               os.strerror(e.errno))
    report(os.stat(f).st_size == size_max, "the file is then size-max long")
    expect_errno("write at the size limit: EFBIG", errno.EFBIG, pwrite_at, f, size_max, b"z")
    expect_errno("truncate past the size limit: EFBIG", errno.EFBIG,
                 os.truncate, f, size_max + 1)
    with open(f, "rb") as fh:
        fh.seek(size_max - 1)
        report(fh.read(2) == b"z", "the last byte reads back")
        fh.seek(size_max // 2)
        report(fh.read(4096) == bytes(4096), "the hole reads back as zeros")
    os.unlink(f)


def check_link_max(d, link_max):
    ld = os.path.join(d, "links")
    os.mkdir(ld)
    f = os.path.join(ld, "f")
    write_file(f, b"l")
    made = 1
    try:
        while made < link_max:
            os.link(f, os.path.join(ld, "l%d" % made))
            made += 1
    except OSError as e:
        report(False, "make %d links" % link_max, "link %d: %s" % (made + 1, os.strerror(e.errno)))
        return
    report(os.stat(f).st_nlink == link_max, "nlink reaches %d" % link_max)
    expect_errno("one more link: EMLINK", errno.EMLINK, os.link, f, os.path.join(ld, "over"))
    for i in range(1, made):
        os.unlink(os.path.join(ld, "l%d" % i))
    report(os.stat(f).st_nlink == 1, "nlink back to 1 after unlinking them")


# ---------------------------------------------------------------- open, data

def check_open_data(m):
    d = os.path.join(m, "data")
    os.mkdir(d)
    f = os.path.join(d, "f")
    write_file(f, b"0123456789" * 1000)
    fd = os.open(f, os.O_WRONLY | os.O_TRUNC)
    os.close(fd)
    report(os.stat(f).st_size == 0, "O_TRUNC empties the file")
    dang = os.path.join(d, "dangling")
    os.symlink("nowhere", dang)
    expect_errno("O_CREAT|O_EXCL on a dangling symlink: EEXIST", errno.EEXIST,
                 create_excl, dang)
    report(not os.path.exists(os.path.join(d, "nowhere")),
           "... and does not create its target")
    fd = os.open(os.path.join(d, "new"), os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    report(os.stat(os.path.join(d, "new")).st_mode & 0o7777 == 0o600,
           "O_CREAT|O_EXCL creates with the given mode")

    write_file(f, b"abc")
    os.truncate(f, 10000)
    data = read_file(f)
    report(data == b"abc" + bytes(9997), "truncate that extends reads back zeros")
    write_file(f, b"X" * 9000)
    os.truncate(f, 1)
    os.truncate(f, 9000)
    data = read_file(f)
    report(data == b"X" + bytes(8999),
           "shrink then extend: the old bytes do not come back")
    write_file(f, b"")
    pwrite_at(f, 300000, b"end")
    data = read_file(f)
    report(len(data) == 300003 and data[:300000] == bytes(300000) and data[300000:] == b"end",
           "a write far past the end leaves a hole of zeros")

    g = os.path.join(d, "open-unlinked")
    write_file(g, b"still here")
    fd = os.open(g, os.O_RDWR)
    os.unlink(g)
    try:
        report(os.pread(fd, 100, 0) == b"still here", "an unlinked open file reads")
        os.pwrite(fd, b"more", 10)
        report(os.pread(fd, 100, 0) == b"still heremore", "an unlinked open file writes")
        report(os.fstat(fd).st_nlink == 0, "fstat of an unlinked open file: nlink 0")
    finally:
        os.close(fd)
    report(not os.path.exists(g), "the unlinked name is gone")
    before = os.statvfs(d)
    write_file(os.path.join(d, "space"), b"s" * (1 << 20))
    os.sync()
    after = os.statvfs(d)
    drop = (before.f_bfree - after.f_bfree) * before.f_frsize
    report(drop >= 1 << 20, "statvfs: free space drops by 1 MiB or more after a 1 MiB write",
           "dropped %d bytes" % drop)
    os.unlink(os.path.join(d, "space"))
    os.sync()
    # >=: blocks of the unlinked open file above may come back only now,
    # when the kernel's FORGET reaches the file system.
    report(os.statvfs(d).f_bfree >= before.f_bfree, "statvfs: ... and comes back after unlink",
           "%d vs %d" % (os.statvfs(d).f_bfree, before.f_bfree))


# ---------------------------------------------------------------- rename, nodes

def check_rename_nodes(m):
    d = os.path.join(m, "ren")
    os.mkdir(d)
    a, b = os.path.join(d, "a"), os.path.join(d, "b")
    write_file(a, b"AAA")
    write_file(b, b"BBB")
    ino = os.stat(a).st_ino
    expect_ok("rename a file over another", os.rename, a, b)
    report(read_file(b) == b"AAA" and not os.path.exists(a) and os.stat(b).st_ino == ino,
           "the target now is the source's inode and data")
    d1, d2 = os.path.join(d, "d1"), os.path.join(d, "d2")
    os.mkdir(d1)
    os.mkdir(d2)
    write_file(os.path.join(d1, "inside"), b"i")
    n0 = os.stat(d).st_nlink
    expect_ok("rename a directory over an empty one", os.rename, d1, d2)
    report(os.path.exists(os.path.join(d2, "inside")) and not os.path.exists(d1),
           "the directory moved with its contents")
    report(os.stat(d).st_nlink == n0 - 1, "the parent lost one link",
           "%d vs %d" % (os.stat(d).st_nlink, n0 - 1))
    other = os.path.join(m, "other")
    os.mkdir(other)
    n_other = os.stat(other).st_nlink
    expect_ok("rename a directory across parents (no EXDEV)", os.rename, d2,
              os.path.join(other, "moved"))
    report(os.stat(other).st_nlink == n_other + 1, "the new parent gained a link")
    moved = os.path.join(other, "moved")
    report(os.stat(os.path.join(moved, "..")).st_ino == os.stat(other).st_ino,
           "'..' of the moved directory is its new parent")
    expect_errno("rename a directory under its own child: EINVAL", errno.EINVAL,
                 os.rename, other, os.path.join(moved, "loop"))
    expect_ok("rename a file across parents (no EXDEV)", os.rename, b,
              os.path.join(other, "b"))

    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo, 0o640)
    st = os.lstat(fifo)
    report(stat.S_ISFIFO(st.st_mode) and st.st_mode & 0o7777 == 0o640, "mkfifo makes a FIFO")
    dev = os.path.join(d, "null")
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    st = os.lstat(dev)
    report(stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3),
           "mknod keeps a character device's numbers")
    blk = os.path.join(d, "blk")
    os.mknod(blk, stat.S_IFBLK | 0o600, os.makedev(8, 1))
    report(os.lstat(blk).st_rdev == os.makedev(8, 1), "mknod keeps a block device's numbers")
    h = os.path.join(d, "h")
    write_file(h, b"h")
    os.link(h, h + "2")
    report(os.stat(h).st_nlink == 2, "a hard link counts 2")
    report(os.stat(h).st_ino == os.stat(h + "2").st_ino, "both names share the inode")
    os.unlink(h)
    report(os.stat(h + "2").st_nlink == 1 and read_file(h + "2") == b"h",
           "unlink one name: the other keeps the data, nlink 1")
    n0 = os.stat(d).st_nlink
    os.mkdir(os.path.join(d, "sub"))
    report(os.stat(d).st_nlink == n0 + 1, "mkdir adds a link to the parent")
    os.rmdir(os.path.join(d, "sub"))
    report(os.stat(d).st_nlink == n0, "rmdir takes it away")
    target = "x" * 200
    os.symlink(target, os.path.join(d, "long.link"))
    report(os.readlink(os.path.join(d, "long.link")) == target and
           os.lstat(os.path.join(d, "long.link")).st_size == 200,
           "a 200-byte symlink target reads back, size 200")


def check_rename_atomic(m):
    """A reader opening the target while a writer renames new versions over
    it must always find a whole file, never ENOENT.  The writer renames at
    least 1000 times and goes on until the reader has read 200 times, so
    the check does not depend on how the two are scheduled (a loaded
    machine gave the reader under 100 reads of 1000 renames)."""
    d = os.path.join(m, "atomic")
    os.mkdir(d)
    target, tmp = os.path.join(d, "target"), os.path.join(d, "tmp")
    write_file(target, b"v-1")
    stop_r, stop_w = os.pipe()
    last_r, last_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(stop_w)
        os.close(last_r)
        code, i = 0, 0
        try:
            while True:
                write_file(tmp, b"v%d" % i)
                os.rename(tmp, target)
                i += 1
                if i >= 1000 and select.select([stop_r], [], [], 0)[0]:
                    break
        except OSError:
            code = 1
        os.write(last_w, b"v%d" % (i - 1))
        os._exit(code)
    os.close(stop_r)
    os.close(last_w)
    reads = missing = torn = 0
    stopped = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        try:
            data = read_file(target)
            reads += 1
            if not data.startswith(b"v"):
                torn += 1
        except FileNotFoundError:
            missing += 1
        if reads >= 200 and not stopped:
            os.write(stop_w, b"x")
            stopped = True
        if done:
            break
    last = os.read(last_r, 64)
    os.close(last_r)
    os.close(stop_w)
    report(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0,
           "1000 or more renames over a file while it is being read")
    report(missing == 0 and torn == 0 and reads >= 200,
           "rename is atomic: in %d reads the name was never missing, no file torn" % reads,
           "%d missing, %d torn" % (missing, torn))
    report(last != b"" and read_file(target) == last, "the last version wins")


# ---------------------------------------------------------------- times

OLD = 1000000000  # 2001-09-09


def times_setup(m):
    d = os.path.join(m, "times")
    os.mkdir(d)
    objs = {}
    for name in ("w", "r", "chmod", "chown", "trunc", "otrunc", "utime", "stat",
                 "link", "unl"):
        p = os.path.join(d, name)
        write_file(p, b"some data here")
        objs[name] = p
    for name in ("dcreat", "dunlink", "dmkdir", "drmdir", "dlist", "drename", "dsym"):
        p = os.path.join(d, name)
        os.mkdir(p)
        objs[name] = p
    write_file(os.path.join(objs["dunlink"], "victim"), b"")
    os.mkdir(os.path.join(objs["drmdir"], "victim"))
    write_file(os.path.join(objs["drename"], "from"), b"")
    os.link(objs["unl"], objs["unl"] + ".2")
    for p in objs.values():
        os.utime(p, (OLD, OLD))
    os.utime(d, (OLD, OLD))
    return d, objs


def times_act(d, o):
    fd = os.open(o["w"], os.O_WRONLY)
    os.write(fd, b"new")
    os.close(fd)
    fd = os.open(o["r"], os.O_RDONLY)
    os.read(fd, 100)
    os.close(fd)
    os.chmod(o["chmod"], 0o600)
    os.chown(o["chown"], 1, 1)
    os.truncate(o["trunc"], 3)
    os.close(os.open(o["otrunc"], os.O_WRONLY | os.O_TRUNC))
    os.utime(o["utime"], (OLD + 5, OLD + 7))
    os.stat(o["stat"])
    os.link(o["link"], os.path.join(d, "link.new"))
    os.unlink(o["unl"] + ".2")
    write_file(os.path.join(o["dcreat"], "new"), b"")
    os.unlink(os.path.join(o["dunlink"], "victim"))
    os.mkdir(os.path.join(o["dmkdir"], "new"))
    os.rmdir(os.path.join(o["drmdir"], "victim"))
    os.listdir(o["dlist"])
    os.rename(os.path.join(o["drename"], "from"), os.path.join(o["drename"], "to"))
    os.symlink("t", os.path.join(o["dsym"], "s"))


# object: (atime updated?, mtime updated?, ctime updated?); None = not checked
TIMES_EXPECT = {
    "w": (False, True, True),
    "r": (True, False, False),
    "chmod": (False, False, True),
    "chown": (False, False, True),
    "trunc": (False, True, True),
    "otrunc": (False, True, True),
    "stat": (False, False, False),
    "link": (False, False, True),
    "unl": (False, False, True),
    "dcreat": (False, True, True),
    "dunlink": (False, True, True),
    "dmkdir": (False, True, True),
    "drmdir": (False, True, True),
    "dlist": (True, False, False),
    "drename": (False, True, True),
    "dsym": (False, True, True),
}


def check_times(m):
    d, o = times_setup(m)
    ctime0 = {k: os.lstat(p).st_ctime for k, p in o.items()}
    # Sleep past a whole second so a new ctime is visible at 1 s resolution.
    time.sleep(1.0 - time.time() % 1.0 + 1.05)
    times_act(d, o)
    for name, (ea, em, ec) in sorted(TIMES_EXPECT.items()):
        p = o[name]
        st = os.lstat(p)
        got = (st.st_atime != OLD, st.st_mtime != OLD, int(st.st_ctime) > int(ctime0[name]))
        what = "times after %s: atime %s, mtime %s, ctime %s" % (
            name, *("updated" if e else "kept" for e in (ea, em, ec)))
        report(got == (ea, em, ec), what,
               "got atime %d mtime %d ctime %d (ctime before %d)" % (
                   st.st_atime, st.st_mtime, st.st_ctime, ctime0[name]))
    st = os.stat(o["utime"])
    report(int(st.st_atime) == OLD + 5 and int(st.st_mtime) == OLD + 7 and
           int(st.st_ctime) > int(ctime0["utime"]),
           "utime sets atime and mtime exactly and updates ctime")


# ---------------------------------------------------------------- setgid

def check_setgid(m):
    d = os.path.join(m, "sgid")
    os.mkdir(d)
    os.chown(d, 0, 123)
    os.chmod(d, 0o2775)
    f = os.path.join(d, "file")
    write_file(f, b"")
    report(os.stat(f).st_gid == 123, "a file made in a setgid directory gets its group",
           "gid %d" % os.stat(f).st_gid)
    sub = os.path.join(d, "sub")
    os.mkdir(sub)
    st = os.stat(sub)
    report(st.st_gid == 123 and st.st_mode & stat.S_ISGID,
           "a directory made in it gets the group and the setgid bit",
           "gid %d mode %o" % (st.st_gid, st.st_mode))
    plain = os.path.join(m, "plain")
    os.mkdir(plain)
    os.chown(plain, 0, 123)
    write_file(os.path.join(plain, "f"), b"")
    report(os.stat(os.path.join(plain, "f")).st_gid == 0,
           "without setgid a new file gets the creator's group")


# ---------------------------------------------------------------- as nobody

def unpriv_setup(m):
    d = os.path.join(m, "perm")
    os.mkdir(d, 0o755)
    write_file(os.path.join(d, "secret"), b"s", 0o600)
    write_file(os.path.join(d, "public"), b"p", 0o644)
    os.mkdir(os.path.join(d, "closed"), 0o700)
    write_file(os.path.join(d, "closed", "f"), b"")
    sticky = os.path.join(d, "sticky")
    os.mkdir(sticky)
    os.chmod(sticky, 0o1777)
    write_file(os.path.join(sticky, "roots"), b"r", 0o666)
    open_dir = os.path.join(d, "open")
    os.mkdir(open_dir)
    os.chmod(open_dir, 0o777)
    write_file(os.path.join(open_dir, "roots"), b"r", 0o666)
    return d


def unpriv_checks(d):
    """Run in a child that is nobody: returns [(ok, what, detail)]."""
    out = []

    def errno_of(fn, *args):
        try:
            fn(*args)
        except OSError as e:
            return e.errno
        return 0

    def want(what, code, fn, *args):
        got = errno_of(fn, *args)
        out.append((got == code, what, "got %s" % errno.errorcode.get(got, got)))

    want("nobody: create in a root 0755 directory: EACCES", errno.EACCES,
         write_file, os.path.join(d, "mine"), b"")
    want("nobody: read a 0600 root file: EACCES", errno.EACCES,
         read_file, os.path.join(d, "secret"))
    want("nobody: write a 0644 root file: EACCES", errno.EACCES,
         open_write, os.path.join(d, "public"))
    want("nobody: read a 0644 root file: allowed", 0, read_file, os.path.join(d, "public"))
    want("nobody: look inside a 0700 root directory: EACCES", errno.EACCES,
         os.stat, os.path.join(d, "closed", "f"))
    want("nobody: chmod a root file: EPERM", errno.EPERM,
         os.chmod, os.path.join(d, "public"), 0o666)
    want("nobody: utime with explicit times on a root file: EPERM", errno.EPERM,
         os.utime, os.path.join(d, "public"), (1, 1))
    want("nobody: utime(now) on a root file it cannot write: EACCES", errno.EACCES,
         os.utime, os.path.join(d, "public"), None)
    sticky = os.path.join(d, "sticky")
    want("nobody: create in a sticky 1777 directory: allowed", 0,
         write_file, os.path.join(sticky, "nobodys"), b"")
    want("nobody: chown own file to root: EPERM", errno.EPERM,
         os.chown, os.path.join(sticky, "nobodys"), 0, -1)
    want("nobody: chmod own file: allowed", 0, os.chmod, os.path.join(sticky, "nobodys"), 0o640)
    want("nobody: unlink root's file in a sticky directory: EPERM", errno.EPERM,
         os.unlink, os.path.join(sticky, "roots"))
    want("nobody: rename root's file in a sticky directory: EPERM", errno.EPERM,
         os.rename, os.path.join(sticky, "roots"), os.path.join(sticky, "x"))
    want("nobody: unlink its own file in a sticky directory: allowed", 0,
         os.unlink, os.path.join(sticky, "nobodys"))
    want("nobody: unlink root's file in a plain 0777 directory: allowed", 0,
         os.unlink, os.path.join(d, "open", "roots"))
    want("nobody: create a file in 0777 and stat it", 0,
         write_file, os.path.join(d, "open", "n"), b"n")
    try:
        st = os.stat(os.path.join(d, "open", "n"))
        out.append((st.st_uid == 65534, "nobody: its new file is owned by nobody",
                    "uid %d" % st.st_uid))
    except OSError as e:
        out.append((False, "nobody: its new file is owned by nobody", os.strerror(e.errno)))
    return out


def check_unpriv(m):
    d = unpriv_setup(m)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            res = unpriv_checks(d)
        except Exception as e:  # report, never hang the parent
            res = [(False, "nobody: the checks ran", repr(e))]
        os.write(w, json.dumps(res).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.waitpid(pid, 0)
    for ok, what, detail in json.loads(data.decode() or "[]"):
        report(ok, what, detail)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mount")
    p.add_argument("--name-max", type=int, required=True)
    p.add_argument("--link-max", type=int, required=True)
    p.add_argument("--size-max", type=int, required=True)
    p.add_argument("--link-max-test", action="store_true")
    p.add_argument("--no-times", action="store_true")
    p.add_argument("--unpriv", action="store_true")
    a = p.parse_args()
    os.umask(0o022)
    groups = [("errors", lambda: check_errors(a.mount, a)),
              ("open/data", lambda: check_open_data(a.mount)),
              ("rename/nodes", lambda: check_rename_nodes(a.mount)),
              ("rename atomic", lambda: check_rename_atomic(a.mount)),
              ("setgid", lambda: check_setgid(a.mount))]
    if not a.no_times:
        groups.append(("times", lambda: check_times(a.mount)))
    if a.unpriv:
        groups.append(("perms", lambda: check_unpriv(a.mount)))
    for name, fn in groups:
        try:
            fn()
        except Exception as e:
            report(False, "group %s ran to the end" % name, repr(e))
    print("# %d checks, %d failed" % (COUNT[0], len(FAILED)))
    for f in FAILED:
        print("# FAILED: %s" % f)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
