#!/usr/bin/env python3
"""tests/host/ext2_bigdir.py - churn in one large directory, with a model.

usage: ext2_bigdir.py DIR N SEED MODEL_OUT

Works in DIR (on a micafuse mount) and keeps a model of what it must hold:
adds to what DIR holds N files with names of many lengths (1..255 bytes, so entries of
every size split and fill blocks), removes a third of them at random,
renames some within the directory (over existing names too), creates more
(they must reuse the freed room), hard-links a few, and makes and removes
subdirectories.  After each phase every name in the model must be found
by lookup (os.stat), some absent names must not be, and the listing must
equal the model.  Writes the model (name, inode number) to MODEL_OUT for
the shell side to compare with debugfs.  Exit status 1 and a message on
the first mismatch.
"""
import os
import random
import sys


def fail(msg):
    print("ext2_bigdir.py: " + msg, file=sys.stderr)
    sys.exit(1)


def name_of(rng, seed, i):
    n = rng.choice([1, 3, 7, 8, 12, 20, 40, 100, 200, 255])
    base = "s%d-f%d-" % (seed, i)
    return (base + "x" * n)[:max(n, len(base))][:255]


def check(d, model, rng, phase):
    listing = set(os.listdir(d))
    if listing != set(model):
        extra = sorted(listing - set(model))[:5]
        missing = sorted(set(model) - listing)[:5]
        fail("%s: listing differs: extra %s missing %s" %
             (phase, extra, missing))
    for name, ino in model.items():
        st = os.lstat(os.path.join(d, name))
        if st.st_ino != ino:
            fail("%s: %s has inode %d, expected %d" %
                 (phase, name, st.st_ino, ino))
    for i in range(200):
        absent = "absent-%d-%d" % (i, rng.randrange(1 << 30))
        if os.path.lexists(os.path.join(d, absent)):
            fail("%s: %s exists" % (phase, absent))


def create(d, model, name):
    p = os.path.join(d, name)
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(fd)
    model[name] = os.lstat(p).st_ino


def main():
    d, n, seed, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
        sys.argv[4]
    rng = random.Random(seed)
    model = {}
    for name in os.listdir(d):       # what an earlier run left
        model[name] = os.lstat(os.path.join(d, name)).st_ino
    for i in range(n):
        name = name_of(rng, seed, i)
        if name not in model:
            create(d, model, name)
    check(d, model, rng, "create")
    try:
        create(d, model, next(iter(model)))
        fail("create of an existing name succeeded")
    except FileExistsError:
        pass
    files = sorted(x for x in model if "-dir" not in x)
    for name in rng.sample(files, len(files) // 3):
        os.unlink(os.path.join(d, name))
        del model[name]
    check(d, model, rng, "unlink")
    names = sorted(x for x in model if "-dir" not in x)
    for k in range(n // 10):
        old = rng.choice(names)
        if old not in model:
            continue
        if rng.random() < 0.3:
            new = rng.choice(names)          # over an existing name
        else:
            new = "r%d-%d-%s" % (seed, k, old)
        new = new[:255]
        os.rename(os.path.join(d, old), os.path.join(d, new))
        if new != old:
            model[new] = model.pop(old)
    check(d, model, rng, "rename")
    for i in range(n, n + n // 2):
        name = name_of(rng, seed, i)
        if name not in model:
            create(d, model, name)
    files = sorted(x for x in model if "-dir" not in x)
    for k, name in enumerate(rng.sample(files, 20)):
        link = "s%d-link%d" % (seed, k)
        os.link(os.path.join(d, name), os.path.join(d, link))
        model[link] = model[name]
    for k in range(30):
        sub = "s%d-dir%d" % (seed, k)
        os.mkdir(os.path.join(d, sub))
        model[sub] = os.lstat(os.path.join(d, sub)).st_ino
    for k in range(0, 30, 2):
        os.rmdir(os.path.join(d, "s%d-dir%d" % (seed, k)))
        del model["s%d-dir%d" % (seed, k)]
    check(d, model, rng, "refill")
    with open(out, "w") as f:
        for name in sorted(model):
            f.write("%s %d\n" % (name, model[name]))


main()
