#!/bin/bash
# tests/host/micafuse_sync.sh - how often micafuse makes the image durable.
#
# micafuse runs under strace, which records every fdatasync/fsync of the
# image and every write to it.  The rules checked, for MFS and ext2:
#   - an fsync after a write makes the image durable exactly once;
#   - an fsync with nothing written since makes it durable not at all;
#   - no device sync ever follows another without a write in between
#     (mount, fsyncs and unmount included): a second sync with nothing new
#     to make durable is a redundant disk flush;
#   - after the unmount, the format's outside checker finds the image clean.
. "$(dirname "$0")/lib.sh"
t_init micafuse_sync
need_bin micafuse
need_cmd strace python3 timeout mkfs.minix fsck.minix mke2fs e2fsck

MNT=$T/mnt
mkdir -p "$MNT"
TO="timeout 60"

# Syncs of the image so far in strace log $1.
sync_count() {
	grep -cE '^[0-9]+ +(fdatasync|fsync)\(' "$1"
}

# 0 if log $1 never has two syncs without a write between them.
no_double_sync() {
	awk '/^[0-9]+ +(fdatasync|fsync)\(/ { if (s) bad = 1; s = 1; next }
	     /^[0-9]+ +(pwrite64|pwritev|pwritev2|write)\(/ { s = 0 }
	     END { exit bad }' "$1"
}

# fsync MNT/$1 after writing $2 bytes to it (0: no write), in one process.
fsync_file() {
	$TO python3 -c '
import os, sys
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)
n = int(sys.argv[2])
if n:
    os.write(fd, os.urandom(n))
os.fsync(fd)
os.close(fd)' "$MNT/$1" "$2"
}

# Wait until strace has written the sync lines of what just happened.
settle() {
	sleep 0.3
}

run_format() {
	local name=$1 img=$2 check=$3 log=$T/strace.$1 n0 n1 n2
	T_MOUNT_SEQ=$((T_MOUNT_SEQ + 1))
	FUSE_LOG=$T/micafuse.$T_MOUNT_SEQ.log
	if ! fuse_start "$MNT" "$FUSE_LOG" strace -f -qq -o "$log" \
	    -e trace=fdatasync,fsync,pwrite64,pwritev,pwritev2 \
	    "$BIN/micafuse" -f "$img" "$MNT"; then
		t_flunk "$name: mount under strace (status $FUSE_RC)"
		t_show "$FUSE_LOG"
		return
	fi
	t_pass "$name: mount under strace"
	settle
	n0=$(sync_count "$log")
	t_ok "$name: write 100 KB and fsync" fsync_file data 100000
	settle
	n1=$(sync_count "$log")
	t_is "$name: one device sync for an fsync after a write" 1 $((n1 - n0))
	t_ok "$name: fsync again, nothing written" fsync_file data 0
	settle
	n2=$(sync_count "$log")
	t_is "$name: no device sync for an fsync with nothing to write" \
		0 $((n2 - n1))
	t_umount "$name: unmount" "$MNT"
	t_diag "$name: $(sync_count "$log") device syncs in all" \
		"($((n1 - n0)) for the first fsync)"
	if no_double_sync "$log"; then
		t_pass "$name: never two device syncs without a write between"
	else
		t_flunk "$name: never two device syncs without a write between"
		grep -oE '^[0-9]+ +[a-z0-9]+\(' "$log" | awk '{print $2}' |
			uniq -c | sed 's/^/#   /' | tail -n 30
	fi
	t_ok "$name: $check clean" $TO $check "$img"
}

truncate -s 16M "$T/mfs.img"
mkfs.minix -3 "$T/mfs.img" >/dev/null 2>&1 || t_flunk "mkfs.minix -3"
run_format mfs "$T/mfs.img" "fsck.minix -f"

mke2fs -q -t ext2 "$T/ext2.img" 16M >/dev/null 2>&1 || t_flunk "mke2fs"
run_format ext2 "$T/ext2.img" "e2fsck -fn"

t_done
