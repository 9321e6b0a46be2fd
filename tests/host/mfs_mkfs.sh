#!/bin/bash
# tests/host/mfs_mkfs.sh - mkfs.mfs -d: images populated from a directory.
#
# A tree with every kind of entry (files with holes and indirect blocks,
# directories, symlinks, hard links, character and block devices, a FIFO,
# odd modes, foreign owners, old times) goes into images with 1 KiB and
# 4 KiB blocks.  Checks: fsck.minix -f (1 KiB) and fsck.mfs -n are clean;
# micafuse mounts the image and it equals the source (diff -r, tree_meta,
# device numbers); two runs with the same -T give identical images (cmp).
. "$(dirname "$0")/lib.sh"
t_init mfs-mkfs
need_bin micafuse mkfs.mfs fsck.mfs
need_cmd fsck.minix diff cmp

SRC=$T/src
MNT=$T/mnt
mkdir -p "$MNT" "$SRC/inc"
cp -a /usr/include/linux/[a-f]*.h "$SRC/inc/"
tree_special "$SRC"
seq 1 300000 >"$SRC/dense"
seq 1 1000 | dd of="$SRC/sparse" bs=1M seek=9 status=none
mknod "$SRC/sp/null" c 1 3
mknod "$SRC/sp/sda1" b 8 1
chmod 0620 "$SRC/sp/sda1"
touch -d '2010-01-01 00:00:00' "$SRC/dense"

# devnums DIR: the device numbers of the two nodes
devnums() {
	stat -c '%n %F %t:%T' "$1/sp/null" "$1/sp/sda1" | sed "s|^$1/||"
}

# populated LABEL BLOCKSIZE MINIX
populated() {
	local label=$1 bs=$2 minix=$3 img=$T/$1.img
	t_ok "$label: mkfs.mfs -B $bs -d SRC -T 1700000000" \
		"$BIN/mkfs.mfs" -q -B "$bs" -d "$SRC" -T 1700000000 "$img"
	t_ok "$label: fsck.mfs -f -n clean" timeout 120 "$BIN/fsck.mfs" -f -n "$img"
	[ "$minix" = 1 ] && t_ok "$label: fsck.minix -f clean" timeout 120 fsck.minix -f "$img"
	t_ok "$label: the same command again" \
		"$BIN/mkfs.mfs" -q -B "$bs" -d "$SRC" -T 1700000000 "$img.2"
	t_ok "$label: the two images are identical (cmp)" cmp "$img" "$img.2"
	# A copy of the tree has new ctimes (and atimes); mkfs.mfs -T keeps the
	# source ctimes today, so this is reported, not checked.
	rm -rf "$T/copy"
	cp -a "$SRC" "$T/copy"
	"$BIN/mkfs.mfs" -q -B "$bs" -d "$T/copy" -T 1700000000 "$img.3"
	if cmp -s "$img" "$img.3"; then
		t_diag "$label: a copy of the tree (new ctimes) gives the same image"
	else
		t_diag "$label: NOTE a copy of the tree (new ctimes) gives a different image"
	fi
	rm -f "$img.2" "$img.3"
	t_mount "$label: micafuse mounts it read-only" "$img" "$MNT" -o ro || return
	t_ok "$label: diff -r against the source" \
		diff -r --no-dereference -x fifo.p -x null -x sda1 "$SRC" "$MNT"
	tree_meta "$SRC" >"$T/meta.src"
	tree_meta "$MNT" >"$T/meta.mnt"
	t_ok "$label: types, modes, links, sizes, mtimes, owners, targets" \
		diff "$T/meta.src" "$T/meta.mnt"
	t_is "$label: device numbers" "$(devnums "$SRC")" "$(devnums "$MNT")"
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
}

populated "1k" 1024 1
populated "4k" 4096 0
t_done
