#!/bin/bash
# tests/host/mfs_oracle.sh - MFS round trips checked by util-linux.
#
# For each image kind: make the file system, mount it with micafuse, copy a
# real tree in (cp -a: contents, modes, owners, times, links, symlinks, a
# FIFO), unmount and wait for micafuse to exit, check the image with
# fsck.minix -f (1 KiB blocks only: it knows no other) and fsck.mfs -n,
# remount read-only and compare with the source: diff -r for contents,
# tree_meta (lib.sh) for everything else but atime/ctime.
#   - mkfs.minix -3 (V3, 1 KiB): the tree plus a file reaching zone[9],
#     the triple-indirect zone, as Linux lays it out
#   - mkfs.mfs -B 1024 (V3, 1 KiB), checked by fsck.minix too
#   - mkfs.mfs (V3, 4 KiB), checked by fsck.mfs
#   - mkfs.minix -1 -n 14, -2 -n 14, -1, -2 (V1/V2, 14- and 30-character
#     names): a small tree with short names mounts read-write, round-trips
#   - SIGTERM and SIGINT instead of fusermount3 -u: micafuse flushes,
#     unmounts and exits 0, and the image is clean and complete
. "$(dirname "$0")/lib.sh"
t_init mfs-oracle
need_bin micafuse mkfs.mfs fsck.mfs
need_cmd mkfs.minix fsck.minix diff

MNT=$T/mnt
mkdir "$MNT"

# check_image LABEL IMAGE MINIX: fsck.mfs -n, and fsck.minix -f if MINIX=1.
check_image() {
	t_ok "$1: fsck.mfs -f -n finds the image clean" \
		timeout 300 "$BIN/fsck.mfs" -f -n "$2"
	if [ "$3" = 1 ]; then
		t_ok "$1: fsck.minix -f finds the image clean" \
			timeout 300 fsck.minix -f "$2"
	fi
}

# roundtrip LABEL IMAGE SOURCE MINIX
roundtrip() {
	local label=$1 img=$2 src=$3 minix=$4 t0
	t_mount "$label: micafuse mounts the new image" "$img" "$MNT" || return
	t0=$(t_now_ms)
	t_ok "$label: copy the tree in (cp -a)" timeout 600 cp -a "$src/." "$MNT/"
	t_diag "$label: cp -a took $(( $(t_now_ms) - t0 )) ms"
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
	check_image "$label" "$img" "$minix"
	t_mount "$label: remount read-only" "$img" "$MNT" -o ro || return
	t_ok "$label: diff -r against the source" \
		timeout 300 diff -r --no-dereference -x fifo.p "$src" "$MNT"
	tree_meta "$src" >"$T/meta.src"
	tree_meta "$MNT" >"$T/meta.mnt"
	t_ok "$label: types, modes, links, sizes, mtimes, owners, targets" \
		diff "$T/meta.src" "$T/meta.mnt"
	t_umount "$label: unmount after reading; micafuse exits 0" "$MNT"
}

# A real tree, plus a dense file through the double-indirect zone (1 KiB
# blocks) and a sparse one whose data sits past 64 MiB + 263 KiB, in the
# triple-indirect zone of a 1 KiB-block file system.
# The whole of /usr/include when it is of a sane size (about 25 s in all
# here for 115 MiB, 9,000 entries), else tree_include's subset.
SRC=$T/src
if [ -z "${MICA_TREE:-}" ] &&
   [ "$(du -s --apparent-size -m /usr/include | cut -f1)" -lt 200 ]; then
	MICA_TREE=/usr/include
fi
tree_include "$SRC" || { t_flunk "build the source tree"; t_done; }
seq 1 400000 >"$SRC/dense"
seq 1 3000 >"$SRC/sparse"
seq 1 3000 | dd of="$SRC/sparse" bs=1M seek=70 conv=notrunc status=none
t_diag "source: $(find "$SRC" | wc -l) entries, $(du -s --apparent-size -m "$SRC" | cut -f1) MiB"

truncate -s 400M "$T/m3.img"
t_ok "mkfs.minix -3" mkfs.minix -3 "$T/m3.img"
roundtrip "mkfs.minix -3" "$T/m3.img" "$SRC" 1

truncate -s 400M "$T/b1k.img"
t_ok "mkfs.mfs -B 1024" "$BIN/mkfs.mfs" -q -B 1024 "$T/b1k.img"
roundtrip "mkfs.mfs -B 1024" "$T/b1k.img" "$SRC" 1

truncate -s 400M "$T/b4k.img"
t_ok "mkfs.mfs (4 KiB blocks)" "$BIN/mkfs.mfs" -q "$T/b4k.img"
roundtrip "mkfs.mfs 4 KiB" "$T/b4k.img" "$SRC" 0

# V1 and V2: 16-bit (V1: 8-bit gid) owners, 14/30-character names, 64 MiB.
SMALL=$T/small
mkdir -p "$SMALL/src/include"
for f in /usr/include/linux/[a-c]*.h; do
	b=${f##*/}
	[ ${#b} -le 14 ] && cp -a "$f" "$SMALL/src/include/"
done
tree_special "$SMALL/src" 56
seq 1 200000 >"$SMALL/src/dense"
for v in "-1 -n 14" "-2 -n 14" "-1" "-2"; do
	img=$T/v$(echo "$v" | tr -d ' -').img
	truncate -s 24M "$img"
	t_ok "mkfs.minix $v" mkfs.minix $v "$img"
	roundtrip "mkfs.minix $v" "$img" "$SMALL/src" 1
done

# SIGTERM and SIGINT: micafuse flushes, unmounts and exits 0.
for sig in TERM INT; do
	truncate -s 24M "$T/sig.img"
	mkfs.minix -3 "$T/sig.img" >/dev/null
	t_mount "SIG$sig: mount" "$T/sig.img" "$MNT" || continue
	cp -a "$SMALL/src/." "$MNT/"
	fuse_kill "$MNT" "$sig"
	t_is "SIG$sig: micafuse exits 0" 0 "$FUSE_RC"
	if is_mounted "$MNT"; then
		t_flunk "SIG$sig: the mount is gone"
	else
		t_pass "SIG$sig: the mount is gone"
	fi
	t_ok "SIG$sig: fsck.minix -f finds the image clean" fsck.minix -f "$T/sig.img"
	t_mount "SIG$sig: remount" "$T/sig.img" "$MNT" -o ro || continue
	t_ok "SIG$sig: everything written before the signal is there" \
		diff -r --no-dereference -x fifo.p "$SMALL/src" "$MNT"
	t_umount "SIG$sig: unmount" "$MNT"
done
t_done
