#!/bin/bash
# tests/host/ext2_posix.sh - POSIX semantics through micafuse on ext2.
#
# Runs the POSIX checker of the MFS tests (mfs_posix.py: error codes,
# O_EXCL/O_TRUNC, zero-filled extension, rename rules, device nodes, link
# counts, which calls update which time stamps, setgid directories and, as
# nobody, default_permissions) on ext2 images with 1 KiB and 4 KiB blocks,
# with ext2's limits: 255-byte names, 32000 links, and the largest file
# size computed here independently of the driver (Linux's rule: a dense
# file's data and indirect blocks, in 512-byte sectors, fit in 32 bits,
# and i_block[] addresses it).  Then e2fsck -fn must find the image clean.
. "$(dirname "$0")/lib.sh"
t_init ext2-posix
need_bin micafuse
need_cmd mke2fs e2fsck python3

MNT=$T/mnt
mkdir "$MNT"
chmod 755 "$T"		# nobody must reach the mount point
POSIX=$(dirname "$0")/mfs_posix.py

# ext2_size_max BLOCKSIZE: the largest file size in bytes.
ext2_size_max() {
	python3 - "$1" <<'PY'
import sys
bs = int(sys.argv[1]); a = bs // 4
def meta(n):
    m, n = 0, n - 12
    if n <= 0: return 0
    m, n = 1, n - min(n, a)
    if n <= 0: return m
    d = min(n, a * a); m += 1 + -(-d // a); n -= d
    if n <= 0: return m
    return m + 1 + -(-n // (a * a)) + -(-n // a)
room = (2**32 - 1) // (bs // 512)
n = min(12 + a + a * a + a ** 3, room)
while n + meta(n) > room:
    n -= n + meta(n) - room
print(n * bs)
PY
}

for bs in 1024 4096; do
	img=$T/b$bs.img
	t_ok "$bs: mke2fs -t ext2 -b $bs" mke2fs -q -F -t ext2 -b "$bs" "$img" 128M
	max=$(ext2_size_max "$bs")
	t_mount "$bs: mount -o allow_other,default_permissions" "$img" "$MNT" \
		-o allow_other,default_permissions || continue
	t_ok "$bs: POSIX semantics (names 255, links 32000, size limit $max)" \
		timeout 300 python3 "$POSIX" "$MNT" --size-max "$max" \
		--name-max 255 --link-max 32000 --unpriv
	grep -c '^ok' "$T/last.log" | sed 's/^/# checks passed: /'
	grep '^not ok' "$T/last.log" | sed 's/^/#   /'
	t_umount "$bs: unmount; micafuse exits 0" "$MNT"
	t_ok "$bs: e2fsck -fn finds the image clean" e2fsck -fn "$img"
done
t_done
