#!/bin/bash
# tests/host/root_virtio.sh - issue 10's "root image fsck-clean on the host
# after a run that wrote to it", on a real disk: the whole system (`make
# run`) boots with a copy of root.img as virtio disk /dev/vda and the root
# file system on it (MICA_DISK, MICA_ROOT=vda: tools/qemu/mica.sh); a
# scripted session creates, appends, removes, makes directories, syncs and
# powers off at end of input, leaving an ext2 disk (/dev/vdb) mounted.  Then the host checks the disk file: the
# root was unmounted at poweroff (VFS unmounts every file system before PM
# powers off), so fsck.mfs without -f finds it marked clean (not "not
# cleanly unmounted") and util-linux fsck.minix without -f exits 0; with
# -f (the root image has 1 KiB blocks) both check it whole and say it is
# clean; micafuse (read-only) shows exactly what the session left.  The
# ext2 disk, never unmounted by the session, is e2fsck -n clean without
# -f (no "was not cleanly unmounted") and holds the file written on it.
# Files written in the session carry the wall clock (the RTC time PM gives
# the kernel; file systems read it through libsys): their mtimes, and
# `date` in Mica, are the host's time within two minutes.
. "$(dirname "$0")/lib.sh"
t_init root-virtio
need_cmd qemu-system-i386 make fsck.minix mke2fs e2fsck debugfs
need_bin fsck.mfs micafuse
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cp "$ROOT/build/i386/root.img" "$T/disk.img"
mke2fs -q -F -t ext2 "$T/e2.img" 4M >/dev/null 2>&1
# The whole input is typed ahead: it must fit the terminal's 256-byte
# input queue (drivers/tty/ldisc.h), or the end is lost.
cat >"$T/in" <<'IN'
mount -t ext2 /dev/vdb /mnt
echo on ext2 >/mnt/m
echo clock `date +%s\ %F`
echo first >/home/a
echo second >>/home/a
echo gone >/home/b
rm /home/b
mkdir /home/d
mkdir /home/d/e
echo deep >/home/d/e/f
dd if=/dev/zero of=/home/z bs=1024 count=300
sync
IN
t0=$(date +%s) d0=$(date -u +%Y-%m-%d)
MICA_DISK="$T/disk.img $T/e2.img" MICA_ROOT=vda MICA_BOOT_TIMEOUT=120 \
	MICA_RUN_TIMEOUT=300 make -s -C "$ROOT" run <"$T/in" >"$T/out" 2>"$T/err"
rc=$?
t1=$(date +%s) d1=$(date -u +%Y-%m-%d)
tr -d '\r' <"$T/out" >"$T/log"
t_is "the session on a virtio root ends on its own, status 0" 0 "$rc"
t_ok "the root file system came up (/etc/rc ran)" grep -q '^Mica: root file system up' "$T/log"
t_ok "PM powered the machine off" grep -q 'kernel: shutdown by pm' "$T/log"
t_fail "no failed root mount at boot (VFS waits for virtio_blk: vfs/root.c)" \
	grep -q 'mounting the root file system' "$T/log"
# in_run SECONDS: within the run's host-clock interval, two minutes' slack.
in_run() { [ -n "$1" ] && [ "$1" -ge $((t0 - 120)) ] && [ "$1" -le $((t1 + 120)) ]; }
set -- $(sed -n 's/.*clock \([0-9]*\) \([0-9-]*\)$/\1 \2/p' "$T/log") "" ""
t_ok "date +%s in Mica ($1) is the host's time (RTC, $t0..$t1)" in_run "$1"
t_ok "date +%Y-%m-%d in Mica ($2) is the host's date" \
	test "$2" = "$d0" -o "$2" = "$d1"
mt=$(debugfs -R 'stat /m' "$T/e2.img" 2>/dev/null |
	sed -n 's/^ *mtime: *0x\([0-9a-f]*\).*/\1/p')
t_ok "ext2: the file written in Mica has the wall-clock mtime" \
	in_run "$((16#${mt:-0}))"
# util-linux keeps no clean state for V3 (its -a calls even a fresh
# mkfs.minix -3 image dirty): without -f it agrees by exiting 0.
t_ok "fsck.minix (no -f, util-linux): exit 0" fsck.minix "$T/disk.img"
"$BIN/fsck.mfs" "$T/disk.img" >"$T/fsck.mfs" 2>&1
t_is "fsck.mfs (no -f): exit 0" 0 "$?"
t_ok "fsck.mfs (no -f): marked clean, not 'not cleanly unmounted'" \
	grep -q 'is clean, no check' "$T/fsck.mfs"
t_ok "fsck.mfs -f: the disk is clean after the run" "$BIN/fsck.mfs" -f "$T/disk.img"
t_ok "fsck.minix -f (util-linux): clean" fsck.minix -f "$T/disk.img"
e2fsck -n "$T/e2.img" >"$T/e2fsck" 2>&1
t_is "e2fsck -n (no -f) of the ext2 disk left mounted: exit 0" 0 "$?"
t_fail "e2fsck -n: not 'was not cleanly unmounted' (unmounted at poweroff)" \
	grep -q 'not cleanly unmounted' "$T/e2fsck"
t_ok "e2fsck -fn: the ext2 disk is clean" e2fsck -fn "$T/e2.img"
t_is "debugfs: the file written on it" "on ext2" \
	"$(debugfs -R 'cat /m' "$T/e2.img" 2>/dev/null)"
t_fail "the disk is not the image it started as" cmp -s "$ROOT/build/i386/root.img" "$T/disk.img"

mkdir "$T/mnt"
if t_mount "micafuse mounts the disk read-only" "$T/disk.img" "$T/mnt" -o ro; then
	t_is "an appended file holds both lines" "first
second" "$(cat "$T/mnt/home/a")"
	t_fail "a removed file is gone" test -e "$T/mnt/home/b"
	t_is "a file two new directories down" "deep" "$(cat "$T/mnt/home/d/e/f")"
	t_is "dd wrote 300 KiB of zeros" "307200 0" \
		"$(wc -c <"$T/mnt/home/z") $(tr -d '\0' <"$T/mnt/home/z" | wc -c)"
	t_ok "the rest of the root is there (/bin/sh)" test -x "$T/mnt/bin/sh"
	t_ok "MFS: files written in Mica have wall-clock mtimes" \
		in_run "$(stat -c %Y "$T/mnt/home/a")"
	t_ok "MFS: so has a new directory (ctime)" \
		in_run "$(stat -c %Z "$T/mnt/home/d/e")"
	fuse_stop "$T/mnt"
	t_is "micafuse exits cleanly" 0 "$FUSE_RC"
fi
t_done
