#!/bin/bash
# tests/host/ext2_bigdir.sh - large ext2 directories through micafuse
# (fs/ext2/dir_index.c, the in-memory name index, issue 11 item 6).
#
# ext2_bigdir.py churns one directory of thousands of names (creates with
# names of 1..255 bytes, unlinks, renames over and beside existing names,
# refills, hard links, subdirectories) against a model, looking every name
# up and listing after each phase.  Outside oracles then judge the image:
# e2fsck -fn clean, and debugfs's listing of the directory (name and inode)
# equal to the model.  Done on 1 KiB and 4 KiB blocks, on a directory that
# micafuse grew itself, and again after e2fsck -D turned it into a hashed
# (htree) directory: the index must be built from a directory holding htree
# blocks, and changing it must leave it valid (flag cleared) for e2fsck.
. "$(dirname "$0")/lib.sh"
t_init ext2_bigdir
need_bin micafuse
need_cmd mke2fs e2fsck debugfs python3

MNT=$T/mnt
mkdir -p "$MNT"
PY=$(dirname "$0")/ext2_bigdir.py
N=${BIGDIR_FILES:-3000}

# debugfs's view of /big: "name inode" lines, sorted, without . and ..
debugfs_list() {
	debugfs -R "ls -p /big" "$1" 2>/dev/null |
		awk -F/ 'NF >= 6 && $2 != 0 && $6 != "." && $6 != ".." { print $6, $2 }' |
		sort
}

churn() {
	local what=$1 img=$2 seed=$3
	t_mount "$what: mount" "$img" "$MNT" || return 1
	mkdir -p "$MNT/big"
	t_ok "$what: churn $N names against the model" \
		python3 "$PY" "$MNT/big" "$N" "$seed" "$T/model"
	t_umount "$what: unmount" "$MNT"
	t_ok "$what: e2fsck -fn clean" e2fsck -fn "$img"
	sort "$T/model" >"$T/model.sorted"
	debugfs_list "$img" >"$T/debugfs.list"
	t_ok "$what: debugfs lists the model" \
		diff "$T/model.sorted" "$T/debugfs.list"
}

for bs in 1024 4096; do
	img=$T/b$bs.img
	mke2fs -q -F -t ext2 -O dir_index -b $bs "$img" 64M >/dev/null 2>&1 ||
		t_flunk "$bs: mke2fs"
	churn "$bs: grown by micafuse" "$img" 1
	t_ok "$bs: e2fsck -fyD (hash the directory)" sh -c \
		"e2fsck -fyD '$img' >/dev/null 2>&1; [ \$? -le 1 ]"
	if debugfs -R "stat /big" "$img" 2>/dev/null | grep -q 'Flags:.*0x1000'; then
		t_pass "$bs: /big is now an htree directory"
	else
		t_flunk "$bs: /big is now an htree directory"
	fi
	churn "$bs: after e2fsck -D" "$img" 2
done

t_done
