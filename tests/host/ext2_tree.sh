#!/bin/bash
# tests/host/ext2_tree.sh - real trees through micafuse on ext2.
#
# mke2fs -t ext2 -d TREE (Debian's default features) with 1 KiB and 4 KiB
# blocks; mounted with micafuse, the tree must equal its source (diff -r and
# metadata: types, modes, links, sizes, mtimes, owners, symlink targets).
# Then a second copy goes in through the mount and part of the first is
# removed; after unmounting, e2fsck -fn must be clean, debugfs must read
# what was written, and a remount must show the new state.  The
# superblock's state field must say "not clean" while mounted read-write
# and "clean" after; a read-only mount must not change a byte.  Where the
# kernel can loop-mount ext2, Linux's driver must read the result alike,
# and a directory Linux indexed (dir_index) must work through micafuse.
. "$(dirname "$0")/lib.sh"
t_init ext2-tree
need_bin micafuse
need_cmd mke2fs e2fsck debugfs dumpe2fs

MNT=$T/mnt
mkdir "$MNT"
t_ok "a source tree" tree_include "$T/root/src"
SRC=$T/root/src
DIFF="diff -r --no-dereference -x fifo.p"

fs_state() {
	dumpe2fs -h "$1" 2>/dev/null | sed -n 's/^Filesystem state: *//p'
}

one_size() {
	local bs=$1 img=$T/b$1.img sum
	t_ok "$bs: mke2fs -t ext2 -b $bs -d TREE" \
		mke2fs -q -F -t ext2 -b "$bs" -d "$T/root" "$img" 200M
	t_mount "$bs: mount" "$img" "$MNT" || return
	t_is "$bs: state while mounted" "not clean" "$(fs_state "$img")"
	t_ok "$bs: diff -r against the source" $DIFF "$SRC" "$MNT/src"
	tree_meta "$SRC" > "$T/meta.src"
	tree_meta "$MNT/src" > "$T/meta.mnt"
	t_ok "$bs: metadata equals the source" diff "$T/meta.src" "$T/meta.mnt"
	t_ok "$bs: copy a second tree in" cp -a "$SRC" "$MNT/copy"
	t_ok "$bs: remove part of the first" rm -rf "$MNT/src/linux"
	head -c 300000 /dev/urandom > "$T/blob"
	t_ok "$bs: write a file" cp "$T/blob" "$MNT/blob"
	t_umount "$bs: unmount; micafuse exits 0" "$MNT"
	t_is "$bs: state after unmount" "clean" "$(fs_state "$img")"
	t_ok "$bs: e2fsck -fn finds the image clean" e2fsck -fn "$img"
	debugfs -R 'cat /blob' "$img" > "$T/blob.debugfs" 2>/dev/null
	t_ok "$bs: debugfs cat returns what was written" cmp "$T/blob" "$T/blob.debugfs"
	sum=$(md5sum < "$img")
	t_mount "$bs: remount read-only" "$img" "$MNT" -o ro || return
	t_ok "$bs: the copy equals the source" $DIFF "$SRC" "$MNT/copy"
	tree_meta "$MNT/copy" > "$T/meta.copy"
	t_ok "$bs: the copy's metadata equals the source's" \
		diff "$T/meta.src" "$T/meta.copy"
	t_fail "$bs: the removed part is gone" test -e "$MNT/src/linux"
	t_umount "$bs: unmount; micafuse exits 0" "$MNT"
	t_is "$bs: a read-only mount leaves the image unchanged" "$sum" \
		"$(md5sum < "$img")"
	kernel_view "$bs" "$img"
}

# kernel_view LABEL IMAGE: where the kernel can loop-mount ext2, Linux's
# own driver must read the tree written through micafuse the same way.
kernel_view() {
	mkdir -p "$T/k"
	if ! timeout 30 mount -o loop,ro -t ext2 "$2" "$T/k" 2>/dev/null; then
		t_diag "$1: no kernel ext2 loop mount here; cross-check skipped"
		return
	fi
	t_cleanup_mount "$T/k"
	t_ok "$1: Linux reads the copy like the source" $DIFF "$SRC" "$T/k/copy"
	tree_meta "$T/k/copy" > "$T/meta.kernel"
	t_ok "$1: Linux sees the same metadata" diff "$T/meta.src" "$T/meta.kernel"
	t_ok "$1: Linux reads the written file" cmp "$T/blob" "$T/k/blob"
	umount "$T/k"
}

# Directories Linux indexed (htree): micafuse must find every name, and
# after changes through micafuse the index must be gone and e2fsck happy.
kernel_htree() {
	local img=$T/h.img n
	mke2fs -q -F -t ext2 -b 1024 "$img" 32M >/dev/null 2>&1
	mkdir -p "$T/k"
	if ! timeout 30 mount -o loop -t ext2 "$img" "$T/k" 2>/dev/null; then
		t_diag "htree: no kernel ext2 loop mount here; test skipped"
		return
	fi
	t_cleanup_mount "$T/k"
	mkdir "$T/k/big" && (cd "$T/k/big" && seq -f 'entry-%g' 1 3000 | xargs touch)
	umount "$T/k"
	t_ok "htree: Linux indexed the directory" sh -c \
		"debugfs -R 'stat /big' '$img' 2>/dev/null | grep -q 'Flags: 0x1000'"
	t_mount "htree: mount" "$img" "$MNT" || return
	n=$(ls "$MNT/big" | wc -l)
	t_is "htree: every entry listed" 3000 "$n"
	t_ok "htree: lookups by name" test -e "$MNT/big/entry-2999"
	t_ok "htree: remove and add entries" sh -c \
		"cd '$MNT/big' && rm entry-1 entry-1500 entry-3000 && touch new-one"
	t_umount "htree: unmount; micafuse exits 0" "$MNT"
	t_ok "htree: e2fsck -fn finds the image clean" e2fsck -fn "$img"
	t_ok "htree: the index flag is cleared" sh -c \
		"debugfs -R 'stat /big' '$img' 2>/dev/null | grep -q 'Flags: 0x0'"
}

one_size 1024
one_size 4096
kernel_htree
t_done
