#!/bin/bash
# tests/host/mkfs_devtab.sh - mkfs.mfs -D: device tables, against genext2fs.
#
# genext2fs defined the device-table format (name type mode uid gid major
# minor start inc count) that mkfs.mfs reads.  The same source tree and
# table go through both: genext2fs makes an ext2 image that fuse2fs mounts,
# mkfs.mfs an MFS image that micafuse mounts; the two trees must agree in
# types, modes, links, sizes, mtimes, owners and device numbers.
# fsck.minix and fsck.mfs check the MFS image.  Where genext2fs only warns
# (a missing parent directory, an entry of the wrong type), mkfs.mfs must
# stop with status 8, name the line and leave no image behind.
. "$(dirname "$0")/lib.sh"
t_init mkfs-devtab
need_bin micafuse mkfs.mfs fsck.mfs
need_cmd genext2fs fuse2fs fsck.minix diff

SRC=$T/src
mkdir -p "$SRC/etc" "$SRC/bin" "$T/m1" "$T/m2"
echo 'echo rc' >"$SRC/etc/rc"
echo 'x' >"$SRC/bin/a"
ln "$SRC/bin/a" "$SRC/bin/b"		# a hard link: adjusted through either name
chmod 0700 "$SRC/etc"
touch -d '2011-02-03 04:05:06' "$SRC/etc/rc" "$SRC/bin/a"
cat >"$T/table" <<'TAB'
# name       type mode uid gid major minor start inc count
/dev         d    755  0   0   -     -     -     -   -
/dev/console c    600  0   0   4     0     -     -   -
/dev/null    c    666  0   0   1     3     -     -   -
/dev/tty     c    666  0   5   4     64    0     1   4
/dev/hd      b    640  0   6   3     1     1     1   5
/dev/odd     b    640  0   6   8     0     2     3   4
/dev/fifo    p    620  7   8   -     -     -     -   -
/dev/sock    s    777  0   0   -     -     -     -   -
/etc         d    755  0   0   -     -     -     -   -
/etc/rc      f    750  0   0   -     -     -     -   -
/etc/passwd  f    644  0   0   -     -     -     -   -
/bin/b       f    4755 0   0   -     -     -     -   -
/tmp         d    1777 0   0   -     -     -     -   -
/            d    755  0   0   -     -     -     -   -
TAB
touch -d '2020-05-06 07:08:09' "$T/table"

# meta DIR: tree_meta without lost+found (genext2fs makes one, which is
# also why the root's link count is left out) plus the device numbers of
# every device node.
meta() {
	tree_meta "$1" | grep -v '^\./lost+found' | awk '$1 == "." { $4 = "-" } 1'
	(cd "$1" && find . \( -type c -o -type b \) -printf '%p ' -exec stat -c '%t:%T' {} \; | sort)
}

t_ok "genext2fs -d SRC -D table (the oracle)" \
	genext2fs -b 4096 -N 64 -d "$SRC" -D "$T/table" "$T/oracle.ext2"
t_ok "mkfs.mfs -B 1024 -d SRC -D table" \
	"$BIN/mkfs.mfs" -q -B 1024 -d "$SRC" -D "$T/table" "$T/mfs.img"
t_ok "fsck.minix -f clean" fsck.minix -f "$T/mfs.img"
t_ok "fsck.mfs -f -n clean" "$BIN/fsck.mfs" -f -n "$T/mfs.img"
if fuse_start "$T/m1" "$T/fuse2fs.log" fuse2fs -f -o ro,fakeroot "$T/oracle.ext2" "$T/m1"; then
	t_pass "fuse2fs mounts the oracle"
	meta "$T/m1" >"$T/meta.oracle"
	fuse_stop "$T/m1"
else
	t_flunk "fuse2fs mounts the oracle"
fi
if t_mount "micafuse mounts the MFS image" "$T/mfs.img" "$T/m2" -o ro; then
	meta "$T/m2" >"$T/meta.mfs"
	t_umount "micafuse unmounts" "$T/m2"
fi
t_ok "the two trees agree (types, modes, links, sizes, mtimes, owners, devices)" \
	diff "$T/meta.oracle" "$T/meta.mfs"
t_is "ranges: tty0-3, hd1-4, odd2-3" \
	"dev/hd1 3:1 dev/hd2 3:2 dev/hd3 3:3 dev/hd4 3:4 dev/odd2 8:4 dev/odd3 8:7 dev/tty0 4:40 dev/tty1 4:41 dev/tty2 4:42 dev/tty3 4:43" \
	"$(grep -E '^\./dev/(hd|odd|tty)[0-9]' "$T/meta.mfs" | grep -v ' c \| b ' | sed 's|^\./||' | tr '\n' ' ' | sed 's/ $//')"

# A table alone makes a tree on an empty root.
printf '/dev d 755 0 0 - - - - -\n/dev/zero c 666 0 0 1 5 - - -\n' >"$T/small"
t_ok "mkfs.mfs -D table without -d" "$BIN/mkfs.mfs" -q -B 1024 -D "$T/small" "$T/small.img"
t_ok "  fsck.minix -f clean" fsck.minix -f "$T/small.img"

# refused TABLE-LINE WHY: mkfs.mfs stops with 8, names line 2, no image.
refused() {
	printf '/dev d 755 0 0 - - - - -\n%s\n' "$1" >"$T/bad"
	rm -f "$T/bad.img"
	"$BIN/mkfs.mfs" -q -B 1024 -d "$SRC" -D "$T/bad" "$T/bad.img" 2>"$T/bad.err"
	local rc=$?
	if [ $rc = 8 ] && grep -q 'line 2' "$T/bad.err" && [ ! -e "$T/bad.img" ]; then
		t_pass "refused, line named, no image: $2"
	else
		t_flunk "refused, line named, no image: $2 (status $rc)"
		t_show "$T/bad.err"
	fi
}
refused '/nodir/x c 600 0 0 1 1 - - -' "missing parent directory"
refused '/etc/rc c 600 0 0 1 1 - - -' "existing node of another type"
refused '/dev/x c 600 0 0 - - - - -' "device without numbers"
refused '/dev/x f 600 0 0 1 1 - - -' "numbers on a regular file"
refused '/dev/x q 600 0 0 - - - - -' "unknown type"
refused '/dev/x c 900 0 0 1 1 - - -' "mode not octal"
refused '/dev/x c 600 -1 0 1 1 - - -' "negative uid"
refused '/dev/x c 600 0 0 4096 1 - - -' "major past 12 bits"
refused '/dev/x c 600 0 0 1 1' "too few fields"
refused '/dev/x c 600 0 0 1 1 - - - extra' "too many fields"
refused 'dev/x c 600 0 0 1 1 - - -' "relative name"
refused '/dev/.. d 755 0 0 - - - - -' "a dot-dot name"
refused '/dev/r c 600 0 0 1 0 5 0 9' "minor below zero (0 + i*0 - 5)"
refused "/dev/$(printf 'n%.0s' $(seq 70)) c 600 0 0 1 1 - - -" "name longer than the format allows"
t_done
