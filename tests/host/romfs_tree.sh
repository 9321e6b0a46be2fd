#!/bin/bash
# tests/host/romfs_tree.sh - the romfs skeleton (fs/romfs) through micafuse,
# judged against genromfs and its source tree.
#
# A real tree (tree_include) goes into an image with genromfs; micafuse
# finds the type by probing and must mount it read-only; then diff -r,
# hard links (one inode), symlink targets, device numbers, a listing of
# every directory, EROFS for changes.  Damaged copies (bytes overwritten
# anywhere, the superblock checksum made right again so the damage gets
# past mount; truncations) are mounted and walked: micafuse never dies by
# a signal or hangs.  A bad checksum and a truncated image are refused
# with a message.
. "$(dirname "$0")/lib.sh"
t_init romfs_tree
need_bin micafuse
need_cmd genromfs python3 timeout

MNT=$T/mnt
SRC=$T/src
TO="timeout 60"
mkdir -p "$MNT"
tree_include "$SRC" || t_flunk "tree_include"
ln "$SRC/top/stdio.h" "$SRC/stdio.hard" 2>/dev/null ||
	ln "$SRC/sp/hard1" "$SRC/hard3"
mknod "$SRC/null" c 1 3
head -c 100003 /dev/urandom >"$SRC/odd-size"
timeout 120 genromfs -f "$T/rom.img" -d "$SRC" -V mica ||
	t_flunk "genromfs made the image"

# ---- a good image -----------------------------------------------------------
if t_mount "mount, type found by probing" "$T/rom.img" "$MNT"; then
	t_ok "says it mounts read-only" grep -q 'read-only' "$FUSE_LOG"
	t_ok "diff -r against the source tree" $TO diff -r --no-dereference \
		-x fifo.p -x null "$SRC" "$MNT"
	t_is "every entry is there" "$(cd "$SRC" && find . | sort | md5sum)" \
		"$(cd "$MNT" && find . | sort | md5sum)"
	t_is "hard links share one inode" 1 \
		"$(stat -c %i "$MNT/sp/hard1" "$MNT/sp/hard2" | sort -u | wc -l)"
	t_is "symlink target" "$(readlink "$SRC/sp/rel.link")" \
		"$(readlink "$MNT/sp/rel.link")"
	t_is "device node" "character special file 1,3" \
		"$(stat -c '%F %t,%T' "$MNT/null")"
	t_is "fifo" "fifo" "$(stat -c %F "$MNT/sp/fifo.p")"
	t_ok "ls -lR of every directory" $TO ls -lR "$MNT"
	t_is "'.' and '..' listed" ". .." \
		"$(ls -fa "$MNT/sp" | head -2 | tr '\n' ' ' | sed 's/ $//')"
	t_fail "a change is refused" touch "$MNT/new"
	t_is "... with EROFS" 30 "$(python3 -c '
import os, sys
try:
    os.mkdir(sys.argv[1])
    print(0)
except OSError as e:
    print(e.errno)' "$MNT/newdir")"
	t_umount "unmount" "$MNT"
fi

# ---- refusals ---------------------------------------------------------------
refuse() {
	local what=$1 img=$2 msg=$3
	if mf_mount "$img" "$MNT"; then
		t_flunk "$what: refused"
		fuse_stop "$MNT"
	elif fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" -eq 124 ]; then
		t_flunk "$what: refused without a signal or hang ($FUSE_RC)"
	elif ! grep -q "$msg" "$FUSE_LOG"; then
		t_flunk "$what: refused saying '$msg'"
		t_show "$FUSE_LOG"
	else
		t_pass "$what: refused with a message"
	fi
}
cp "$T/rom.img" "$T/bad.img"
printf '\x01' | dd of="$T/bad.img" bs=1 seek=12 conv=notrunc 2>/dev/null
refuse "bad checksum" "$T/bad.img" "checksum"
head -c 4096 "$T/rom.img" >"$T/bad.img"
refuse "truncated image" "$T/bad.img" "image size"

# ---- damaged images -----------------------------------------------------------
mkdir -p "$T/small/d/e"
printf 'hello\n' >"$T/small/a"
seq 1 3000 >"$T/small/d/numbers"
ln "$T/small/a" "$T/small/d/e/hard"
ln -s ../a "$T/small/d/up"
mknod "$T/small/d/blk" b 8 1
genromfs -f "$T/small.img" -d "$T/small" -V s || t_flunk "genromfs (small)"

# damage SEED: overwrite bytes of small.img (fixed seed) and set the
# checksum right again, or truncate (every 7th seed).
damage() {
	python3 - "$T/small.img" "$T/damaged.img" "$1" <<'PY'
import random, struct, sys
src, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
img = bytearray(open(src, 'rb').read())
rnd = random.Random(seed)
if seed % 7 == 0:
    img = img[:rnd.randrange(32, len(img))]
    img[8:12] = struct.pack('>I', len(img))
else:
    for _ in range(1 + seed % 9):
        img[rnd.randrange(16, len(img))] = rnd.randrange(256)
n = min(512, struct.unpack('>I', bytes(img[8:12]))[0], len(img)) // 4 * 4
img[12:16] = b'\0\0\0\0'
s = sum(struct.unpack('>%dI' % (n // 4), bytes(img[:n]))) & 0xffffffff
img[12:16] = struct.pack('>I', (-s) & 0xffffffff)
open(out, 'wb').write(img)
PY
}

walk() {
	timeout 30 ls -lR "$MNT" >/dev/null 2>&1
	[ $? -eq 124 ] && return 1
	timeout 30 find "$MNT" -type f -exec cat {} + >/dev/null 2>&1
	[ $? -eq 124 ] && return 1
	timeout 30 find "$MNT" -type l -exec readlink {} + >/dev/null 2>&1
	[ $? -eq 124 ] && return 1
	return 0
}

mounted=0
for seed in $(seq 1 20); do
	damage "$seed"
	if mf_mount "$T/damaged.img" "$MNT" -o type=romfs; then
		mounted=$((mounted + 1))
		walk || t_flunk "seed $seed: walking the tree hung"
		fuse_stop "$MNT"
		if fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" -eq 124 ]; then
			t_flunk "seed $seed: micafuse exit status $FUSE_RC"
			t_show "$FUSE_LOG"
		else
			t_pass "seed $seed: mounted, walked, unmounted"
		fi
	elif fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" -eq 124 ]; then
		t_flunk "seed $seed: refused with status $FUSE_RC (signal/hang)"
		t_show "$FUSE_LOG"
	else
		t_pass "seed $seed: refused cleanly (status $FUSE_RC)"
	fi
done
t_diag "$mounted of 20 damaged images mounted"

t_done
