#!/bin/bash
# tests/host/ext2_fsx.sh - the random-operation exerciser on ext2 mounts.
#
# fsxr (tests/host/fsx/) drives a directory of a micafuse ext2 mount and a
# reference directory with the same seeded operations, comparing them after
# every batch.  Then micafuse is unmounted (it must exit 0), e2fsck -fn must
# find the image clean, debugfs must read back a file written through the
# mount, and a read-only remount must still equal the reference.
#   - Debian-default ext2 (mke2fs -t ext2), 1 KiB blocks: 20,000 operations
#   - the same image again with far offsets (triple-indirect blocks)
#   - 4 KiB blocks, 128-byte inodes: 20,000 operations
#   - revision 0: a shorter run
# fsxr works in a subdirectory (work/), so lost+found stays out of its way.
# FSX_SEED=<n> changes the seed (default 1); FSX_OPS=<n> the long runs.
. "$(dirname "$0")/lib.sh"
t_init ext2-fsx
need_bin micafuse fsxr
need_cmd mke2fs e2fsck debugfs

SEED=${FSX_SEED:-1}
OPS=${FSX_OPS:-20000}
MNT=$T/mnt
mkdir "$MNT"

# exercise LABEL IMAGE REF FSXR-OPTIONS...
exercise() {
	local label=$1 img=$2 ref=$3 t0
	shift 3
	mkdir -p "$ref"
	t_mount "$label: mount" "$img" "$MNT" -o default_permissions || return
	mkdir -p "$MNT/work"
	t0=$(t_now_ms)
	t_ok "$label: fsxr $* -s $SEED: no divergence" \
		timeout 600 "$BIN/fsxr" -s "$SEED" "$@" "$MNT/work" "$ref"
	t_diag "$label: $(grep -h 'operations' "$T/last.log") [$(( $(t_now_ms) - t0 )) ms]"
	seq 1 30000 > "$MNT/probe.txt"
	cp "$MNT/probe.txt" "$T/probe.expected"
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
	t_ok "$label: e2fsck -fn finds the image clean" \
		timeout 300 e2fsck -fn "$img"
	debugfs -R 'cat /probe.txt' "$img" > "$T/probe.debugfs" 2>/dev/null
	t_ok "$label: debugfs cat returns what was written" \
		cmp "$T/probe.expected" "$T/probe.debugfs"
	t_mount "$label: remount read-only" "$img" "$MNT" -o ro || return
	t_ok "$label: the remounted image equals the reference" \
		timeout 300 "$BIN/fsxr" -n 0 "$MNT/work" "$ref"
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
}

t_ok "mke2fs -t ext2 -b 1024" mke2fs -q -F -t ext2 -b 1024 "$T/b1k.img" 256M
exercise "1 KiB" "$T/b1k.img" "$T/ref.b1k" -n "$OPS" -b 250 -l 255
exercise "1 KiB, far offsets" "$T/b1k.img" "$T/ref.b1k" -n 400 -b 200 -l 255 \
	-F 80M -x mkdir,rmdir

t_ok "mke2fs -t ext2 -b 4096 -I 128" \
	mke2fs -q -F -t ext2 -b 4096 -I 128 "$T/b4k.img" 256M
exercise "4 KiB" "$T/b4k.img" "$T/ref.b4k" -n "$OPS" -b 250 -l 255 -L 3000

t_ok "mke2fs -t ext2 -r 0" mke2fs -q -F -t ext2 -r 0 -b 2048 "$T/r0.img" 64M
exercise "revision 0" "$T/r0.img" "$T/ref.r0" -n 3000 -b 250 -l 255
t_done
