#!/bin/bash
# tests/os/fsmnt/mkimages.sh OUTDIR - the host's half of suite fsmnt, before
# the boot: two source trees and the images made from them by outside tools.
#   OUTDIR/iso_tree  -> OUTDIR/../fsmnt_iso.img  xorriso, Rock Ridge + Joliet
#   OUTDIR/e2_tree   -> OUTDIR/../fsmnt_e2.img   mke2fs -t ext2 -d, 1 KiB blocks
#   fsmnt_bad.img    the ext2 image with a corrupt superblock (magic kept, so
#                    the probe says ext2: the mount must refuse it)
# Every byte is derived from fixed seeds: the same tree on every run.
set -eu
out=$1
rm -rf "$out"; mkdir -p "$out"
img=$(dirname "$out")

# pattern FILE SIZE SEED: SIZE bytes of a fixed pseudo-random sequence.
pattern() { python3 -c '
import random, sys
r = random.Random(int(sys.argv[2]))
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(int(sys.argv[1]))))' "$2" "$3" > "$1"; }

t=$out/iso_tree
mkdir -p "$t/a/b/c/d" "$t/empty dir" "$t/docs"
echo "hello from the host" > "$t/hello.txt"
: > "$t/empty"
pattern "$t/big.bin" 307200 1		# a few hundred KiB, many extents of 2 KiB
pattern "$t/a/b/c/d/deep.bin" 2049 2	# one byte over an ISO block
pattern "$t/docs/exact2048" 2048 3
printf 'mixed Case and spaces\n' > "$t/docs/Mixed Case Name.Text"
long=$(printf 'long_name_%.0s' $(seq 1 20))	# 200 bytes: Rock Ridge only
echo long > "$t/docs/$long"
for i in $(seq 1 40); do echo "file $i" > "$t/a/many_$i.txt"; done
ln -s hello.txt "$t/link_to_hello"
ln -s a/b/c "$t/link_to_dir"
ln -s /nowhere/at/all "$t/docs/dangling"
xorriso -as mkisofs -quiet -R -J -joliet-long -V MICA_FSMNT \
	-o "$img/fsmnt_iso.img.tmp" "$t" 2>/dev/null
mv "$img/fsmnt_iso.img.tmp" "$img/fsmnt_iso.img"

t=$out/e2_tree
mkdir -p "$t/dir/sub" "$t/emptydir"
echo "hello from the host" > "$t/hello.txt"
echo "remove me" > "$t/remove.me"
pattern "$t/dir/sub/data.bin" 20000 4
echo "keep" > "$t/dir/keep.txt"
ln -s dir/keep.txt "$t/keeplink"
rm -f "$img/fsmnt_e2.img"
mke2fs -q -F -t ext2 -b 1024 -N 128 -d "$t" "$img/fsmnt_e2.img" 1M >/dev/null
# The corrupt one: s_blocks_per_group (superblock offset 32, image offset
# 1024 + 32) = 0.  The magic and block size are intact, so the ext2 probe
# accepts it and the mount itself must refuse it.
cp "$img/fsmnt_e2.img" "$img/fsmnt_bad.img"
printf '\x00\x00\x00\x00' | dd of="$img/fsmnt_bad.img" bs=1 seek=1056 \
	conv=notrunc status=none
