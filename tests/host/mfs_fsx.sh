#!/bin/bash
# tests/host/mfs_fsx.sh - the random-operation exerciser on MFS mounts.
#
# fsxr (tests/host/fsx/) drives a micafuse mount and a reference directory
# with the same seeded operations and compares them after every batch.
# Afterwards the image is unmounted (micafuse must exit 0), checked by an
# outside tool where one exists, remounted, and compared with the reference
# once more, so what counts is what reached the image, not the page cache.
#   - 20,000 operations on a 4 KiB mkfs.mfs image; fsck.mfs -n
#   - 1 KiB mkfs.minix -3 image: a shorter run, then one with far offsets
#     (files into the triple-indirect zone); fsck.minix -f and fsck.mfs -n
#   - V2 (30-character names) and V1 (14) mkfs.minix images, short runs
#   - mkfs.mfs images with 2, 8, 16, 32 and 64 KiB blocks, short runs
# FSX_SEED=<n> changes the seed (default 1); FSX_OPS=<n> the 4 KiB run.
. "$(dirname "$0")/lib.sh"
t_init mfs-fsx
need_bin micafuse mkfs.mfs fsck.mfs fsxr
need_cmd mkfs.minix fsck.minix

SEED=${FSX_SEED:-1}
MNT=$T/mnt
mkdir "$MNT"

# exercise LABEL IMAGE REF MINIX FSXR-OPTIONS...: a run against reference
# directory REF (created empty when missing), unmount, fsck, remount,
# compare again.
exercise() {
	local label=$1 img=$2 ref=$3 minix=$4 t0
	shift 4
	mkdir -p "$ref"
	t_mount "$label: mount" "$img" "$MNT" -o default_permissions || return
	t0=$(t_now_ms)
	t_ok "$label: fsxr $* -s $SEED: no divergence" \
		timeout 600 "$BIN/fsxr" -s "$SEED" "$@" "$MNT" "$ref"
	t_diag "$label: $(grep -h 'operations' "$T/last.log") [$(( $(t_now_ms) - t0 )) ms]"
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
	t_ok "$label: fsck.mfs -f -n finds the image clean" \
		timeout 300 "$BIN/fsck.mfs" -f -n "$img"
	if [ "$minix" = 1 ]; then
		t_ok "$label: fsck.minix -f finds the image clean" \
			timeout 300 fsck.minix -f "$img"
	fi
	t_mount "$label: remount" "$img" "$MNT" -o ro || return
	t_ok "$label: the remounted image equals the reference" \
		timeout 300 "$BIN/fsxr" -n 0 "$MNT" "$ref"
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
}

truncate -s 512M "$T/b4k.img"
t_ok "mkfs.mfs (4 KiB blocks)" "$BIN/mkfs.mfs" -q "$T/b4k.img"
exercise "4 KiB" "$T/b4k.img" "$T/ref.b4k" 0 -n "${FSX_OPS:-20000}" -b 250 -l 60 -F 8M -L 2000

truncate -s 300M "$T/m3.img"
t_ok "mkfs.minix -3" mkfs.minix -3 "$T/m3.img"
exercise "mkfs.minix -3" "$T/m3.img" "$T/ref.m3" 1 -n 4000 -b 250 -l 60 -L 1000
exercise "mkfs.minix -3, far offsets" "$T/m3.img" "$T/ref.m3" 1 -n 400 -b 200 -l 60 -F 70M -x mkdir,rmdir

truncate -s 48M "$T/v2.img"
t_ok "mkfs.minix -2 -n 30" mkfs.minix -2 -n 30 "$T/v2.img"
exercise "V2, 30-char names" "$T/v2.img" "$T/ref.v2" 1 -n 2000 -b 200 -l 30 -L 1000

truncate -s 48M "$T/v1.img"
t_ok "mkfs.minix -1 -n 14" mkfs.minix -1 -n 14 "$T/v1.img"
exercise "V1, 14-char names" "$T/v1.img" "$T/ref.v1" 1 -n 2000 -b 200 -l 14 -L 1000
# The other block sizes MFS supports, shorter runs.
for bs in 2048 8192 16384 32768 65536; do
	truncate -s 256M "$T/b$bs.img"
	t_ok "mkfs.mfs -B $bs" "$BIN/mkfs.mfs" -q -B "$bs" "$T/b$bs.img"
	exercise "$((bs / 1024)) KiB" "$T/b$bs.img" "$T/ref.b$bs" 0 -n 2000 -b 500 -l 60 -F 16M -L 2000
	rm -f "$T/b$bs.img"
done
t_done
