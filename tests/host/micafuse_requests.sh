#!/bin/bash
# tests/host/micafuse_requests.sh - the requests micafuse lets the kernel
# send (issue 11, item 7), counted by micafuse itself (-o counts; SIGUSR1
# prints the counts since the last dump).
#
# Checked on MFS and ext2, only where the count is deterministic: a file's
# pages are dropped by a remount, and the one-time ENOSYS answers (OPEN,
# FLUSH, OPENDIR, CREATE) are spent by a warm-up before anything is counted.
#   - cat of a small file: at most 2 requests (LOOKUP, READ), no OPEN,
#     FLUSH or RELEASE;
#   - ls -l of a directory of 20 files: READDIRPLUS only, no LOOKUP or
#     GETATTR per name;
#   - creating a file: LOOKUP + MKNOD, no CREATE/OPEN/FLUSH/RELEASE;
#   - writing it: one WRITE, and no xattr request on MFS (answered ENOSYS
#     once); on ext2 exactly one GETXATTR, the kernel's security.capability
#     probe before a write, which a format with xattrs must answer (it
#     cannot be switched off without losing real xattrs: ext2_xattr.sh)
#     and nothing more: LOOKUP, MKNOD, GETXATTR, WRITE;
#   - -o all_requests brings OPEN and RELEASE back (the counter and the
#     switch both work);
# and what the cuts must not change: contents read back, a written file is
# on the image after the unmount, the outside checker is clean.
. "$(dirname "$0")/lib.sh"
t_init micafuse_requests
need_bin micafuse
need_cmd mkfs.minix fsck.minix mke2fs e2fsck

MNT=$T/mnt
mkdir -p "$MNT"

dump() { mf_dump "$MNT"; LINE=$MF_COUNTS; }
req() { mf_req "$1"; }

# none "what" OP...: none of the OPs in the last dump.
none() {
	local what=$1 op bad=
	shift
	for op in "$@"; do
		[ "$(req "$op")" = 0 ] || bad="$bad $op"
	done
	if [ -z "$bad" ]; then
		t_pass "$what"
	else
		t_flunk "$what (sent:$bad; $LINE)"
	fi
}

populate() {
	local i
	mkdir "$MNT/d" || return 1
	for i in $(seq 20); do
		printf 'file %d\n' "$i" >"$MNT/d/f$i" || return 1
	done
	printf 'warm\n' >"$MNT/warm"
}

# run_format NAME IMAGE CHECKER XATTRS: XATTRS is how many GETXATTR the
# kernel sends before a write (0 for a format without xattrs, else 1).
run_format() {
	local name=$1 img=$2 check=$3 xattrs=$4 n
	t_mount "$name: mount" "$img" "$MNT" || return
	t_ok "$name: 20 small files" populate
	t_umount "$name: unmount" "$MNT"

	t_mount "$name: mount -o counts" "$img" "$MNT" -o counts || return
	# Warm-up: spend the one-time ENOSYS answers.
	cat "$MNT/warm" >/dev/null
	ls "$MNT" >/dev/null
	: >"$MNT/warm.new"
	dump

	t_is "$name: small file reads back" "file 7" "$(cat "$MNT/d/f7")"
	dump
	n=$(req total)
	if [ "$n" -le 2 ] && [ "$n" -ge 1 ]; then
		t_pass "$name: cat of a small file in $n requests"
	else
		t_flunk "$name: cat of a small file in <= 2 requests ($LINE)"
	fi
	none "$name: cat sends no OPEN, FLUSH, RELEASE" OPEN FLUSH RELEASE

	t_is "$name: ls -l lists 20 files" 20 \
		"$(ls -l "$MNT/d" | grep -c ' f[0-9]*$')"
	dump
	if [ "$(req READDIRPLUS)" -ge 1 ]; then
		t_pass "$name: ls -l reads the directory with READDIRPLUS"
	else
		t_flunk "$name: ls -l reads the directory with READDIRPLUS ($LINE)"
	fi
	none "$name: ls -l needs no per-name request" LOOKUP GETATTR READDIR \
		OPENDIR RELEASEDIR

	t_ok "$name: create a file" sh -c "printf new >'$MNT/d/new'"
	dump
	t_is "$name: create is one MKNOD" 1 "$(req MKNOD)"
	none "$name: create sends no CREATE, OPEN, FLUSH, RELEASE" \
		CREATE OPEN FLUSH RELEASE
	t_is "$name: the write is one WRITE" 1 "$(req WRITE)"
	t_is "$name: the write costs $xattrs xattr probe(s)" "$xattrs" \
		"$(req GETXATTR)"
	none "$name: the write sends no other xattr request" \
		SETXATTR LISTXATTR REMOVEXATTR
	t_is "$name: create + write in $((3 + xattrs)) requests" \
		$((3 + xattrs)) "$(req total)"
	t_umount "$name: unmount" "$MNT"

	t_mount "$name: mount -o counts,all_requests" "$img" "$MNT" \
		-o counts,all_requests || return
	cat "$MNT/d/f1" >/dev/null
	dump
	cat "$MNT/d/f2" >/dev/null
	dump
	if [ "$(req OPEN)" = 1 ] && [ "$(req RELEASE)" -ge 1 ]; then
		t_pass "$name: all_requests serves OPEN and RELEASE again"
	else
		t_flunk "$name: all_requests serves OPEN and RELEASE again ($LINE)"
	fi
	t_is "$name: the created file survived" new "$(cat "$MNT/d/new")"
	t_umount "$name: unmount" "$MNT"
	if grep -q 'requests at unmount: total' "$FUSE_LOG"; then
		t_pass "$name: counts printed at unmount"
	else
		t_flunk "$name: counts printed at unmount"
	fi
	t_ok "$name: $check clean" $check "$img"
}

truncate -s 16M "$T/mfs.img"
mkfs.minix -3 "$T/mfs.img" >/dev/null 2>&1 || t_flunk "mkfs.minix -3"
run_format mfs "$T/mfs.img" "fsck.minix -f" 0

mke2fs -q -t ext2 "$T/ext2.img" 16M >/dev/null 2>&1 || t_flunk "mke2fs"
run_format ext2 "$T/ext2.img" "e2fsck -fn" 1

t_done
