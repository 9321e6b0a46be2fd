#!/bin/bash
# tests/host/ext2_xattr.sh - extended attributes through a micafuse mount.
#
# Attributes set with setfattr (small ones fit in the 256-byte inode, big
# ones go to an attribute block) must read back with getfattr, survive a
# remount, and appear in debugfs ea_list; removing them must work; e2fsck
# -fn must be clean after every round.  Attributes that mke2fs -d copied
# from the source tree must be visible through the mount.
. "$(dirname "$0")/lib.sh"
t_init ext2-xattr
need_bin micafuse
need_cmd mke2fs e2fsck debugfs setfattr getfattr

MNT=$T/mnt
mkdir "$MNT" "$T/src"
echo data > "$T/src/pre"
setfattr -n user.from_mkfs -v preset "$T/src/pre" 2>/dev/null
mke2fs -q -F -t ext2 -b 1024 -d "$T/src" "$T/x.img" 16M >/dev/null 2>&1
t_mount "mount" "$T/x.img" "$MNT" || t_done

BIG=$(head -c 600 /dev/zero | tr '\0' 'B')
t_ok "create files" sh -c "echo a > '$MNT/f' && mkdir '$MNT/d'"
t_ok "setfattr small (in the inode)" setfattr -n user.small -v v1 "$MNT/f"
t_ok "setfattr big (attribute block)" setfattr -n user.big -v "$BIG" "$MNT/f"
t_ok "setfattr on a directory" setfattr -n user.dir -v dv "$MNT/d"
t_ok "setfattr trusted." setfattr -n trusted.t -v tv "$MNT/f"
t_is "getfattr small" "v1" "$(getfattr --absolute-names --only-values -n user.small "$MNT/f")"
t_is "getfattr big" "$BIG" "$(getfattr --absolute-names --only-values -n user.big "$MNT/f")"
if [ -n "$(getfattr -n user.from_mkfs "$T/src/pre" 2>/dev/null)" ]; then
	t_is "attribute copied by mke2fs -d" "preset" \
		"$(getfattr --absolute-names --only-values -n user.from_mkfs "$MNT/pre")"
fi
t_umount "unmount; micafuse exits 0" "$MNT"
t_ok "e2fsck -fn clean" e2fsck -fn "$T/x.img"
debugfs -R 'ea_list /f' "$T/x.img" > "$T/ea" 2>&1
t_ok "debugfs ea_list shows user.small" grep -q 'user.small (2) = "v1"' "$T/ea"
t_ok "debugfs ea_list shows user.big" grep -q 'user.big (600)' "$T/ea"
t_ok "debugfs ea_list shows trusted.t" grep -q 'trusted.t (2) = "tv"' "$T/ea"
debugfs -R 'ea_list /d' "$T/x.img" > "$T/ea.d" 2>&1
t_ok "debugfs ea_list on the directory" grep -q 'user.dir (2) = "dv"' "$T/ea.d"

t_mount "remount" "$T/x.img" "$MNT" || t_done
t_is "getfattr after remount" "v1" "$(getfattr --absolute-names --only-values -n user.small "$MNT/f")"
t_ok "setfattr -x big" setfattr -x user.big "$MNT/f"
t_ok "replace small" setfattr -n user.small -v changed "$MNT/f"
t_fail "getfattr of a removed attribute fails" getfattr --absolute-names -n user.big "$MNT/f"
# A POSIX access ACL (user::rw-, user:1000:r--, group::r--, mask::r--,
# other::---) in the xattr form setfacl would send; it sets the mode.
ACL=0x0200000001000600ffffffff02000400e803000004000400ffffffff10000400ffffffff20000000ffffffff
t_ok "create a file for an ACL" sh -c "echo a > '$MNT/acl' && chmod 666 '$MNT/acl'"
t_ok "setfattr system.posix_acl_access" \
	setfattr -n system.posix_acl_access -v "$ACL" "$MNT/acl"
t_is "the ACL reads back" "$ACL" \
	"$(getfattr --absolute-names -e hex --only-values -n system.posix_acl_access "$MNT/acl" 2>/dev/null | od -An -tx1 | tr -d ' \n' | sed 's/^/0x/')"
t_is "the ACL set the mode" 640 "$(stat -c %a "$MNT/acl")"
t_umount "unmount; micafuse exits 0" "$MNT"
t_ok "e2fsck -fn clean after removal" e2fsck -fn "$T/x.img"
debugfs -R 'ea_list /acl' "$T/x.img" > "$T/ea.acl" 2>&1
t_ok "debugfs sees the ACL" grep -q 'system.posix_acl_access' "$T/ea.acl"
debugfs -R 'ea_list /f' "$T/x.img" > "$T/ea" 2>&1
t_ok "debugfs sees the new value" grep -q 'user.small (7) = "changed"' "$T/ea"
t_fail "debugfs no longer sees user.big" grep -q 'user.big' "$T/ea"
t_done
