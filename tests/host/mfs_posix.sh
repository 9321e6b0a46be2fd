#!/bin/bash
# tests/host/mfs_posix.sh - POSIX semantics through micafuse on MFS.
#
# mfs_posix.py (next to this script) makes the calls and checks error codes,
# O_EXCL/O_TRUNC, zero-filled extension, rename rules, device nodes, link
# counts, the time stamps each call updates, setgid directories, and, as
# nobody, default_permissions (EACCES/EPERM, sticky directories).  It runs
# on every MFS flavour, with the limits read from the superblock; then the
# image is unmounted (micafuse must exit 0) and checked by fsck.
. "$(dirname "$0")/lib.sh"
t_init mfs-posix
need_bin micafuse mkfs.mfs fsck.mfs
need_cmd mkfs.minix fsck.minix python3 od

MNT=$T/mnt
mkdir "$MNT"
chmod 755 "$T"		# nobody must reach the mount point
POSIX=$(dirname "$0")/mfs_posix.py

# posix LABEL IMAGE MINIX PY-OPTIONS...
posix() {
	local label=$1 img=$2 minix=$3 max
	shift 3
	max=$(mfs_max_size "$img")
	t_mount "$label: mount -o allow_other,default_permissions" "$img" "$MNT" \
		-o allow_other,default_permissions || return
	t_ok "$label: POSIX semantics (names $(mfs_name_max "$img"), size limit $max)" \
		timeout 300 python3 "$POSIX" "$MNT" --size-max "$max" \
		--name-max "$(mfs_name_max "$img")" "$@"
	grep -c '^ok' "$T/last.log" | sed 's/^/# checks passed: /'
	grep '^not ok' "$T/last.log" | sed 's/^/#   /'
	t_umount "$label: unmount; micafuse exits 0" "$MNT"
	t_ok "$label: fsck.mfs -f -n finds the image clean" timeout 300 "$BIN/fsck.mfs" -f -n "$img"
	[ "$minix" = 1 ] && t_ok "$label: fsck.minix -f finds the image clean" \
		timeout 300 fsck.minix -f "$img"
}

truncate -s 256M "$T/b4k.img"
t_ok "mkfs.mfs (4 KiB)" "$BIN/mkfs.mfs" -q "$T/b4k.img"
posix "V3 4 KiB" "$T/b4k.img" 0 --link-max 65530 --unpriv

truncate -s 64M "$T/m3.img"
t_ok "mkfs.minix -3" mkfs.minix -3 "$T/m3.img"
posix "V3 1 KiB (mkfs.minix -3)" "$T/m3.img" 1 --link-max 65530 --unpriv

truncate -s 32M "$T/v2.img"
t_ok "mkfs.minix -2 -n 30" mkfs.minix -2 -n 30 "$T/v2.img"
posix "V2, 30-char names" "$T/v2.img" 1 --link-max 65530 --unpriv

truncate -s 32M "$T/v1.img"
t_ok "mkfs.minix -1 -n 14" mkfs.minix -1 -n 14 "$T/v1.img"
posix "V1, 14-char names" "$T/v1.img" 1 --link-max 250 --link-max-test --no-times
t_done
