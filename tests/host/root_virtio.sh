#!/bin/bash
# tests/host/root_virtio.sh - issue 10's "root image fsck-clean on the host
# after a run that wrote to it", on a real disk: the whole system (`make
# run`) boots with a copy of root.img as virtio disk /dev/vda and the root
# file system on it (MICA_DISK, MICA_ROOT=vda: tools/qemu/mica.sh); a
# scripted session creates, appends, removes, makes directories, syncs and
# powers off at end of input.  Then the host checks the disk file: fsck.mfs
# -f and util-linux fsck.minix -f (the root image has 1 KiB blocks) say it
# is clean, and micafuse (read-only) shows exactly what the session left.
. "$(dirname "$0")/lib.sh"
t_init root-virtio
need_cmd qemu-system-i386 make fsck.minix
need_bin fsck.mfs micafuse
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cp "$ROOT/build/i386/root.img" "$T/disk.img"
cat >"$T/in" <<'IN'
echo first > /home/a
echo second >> /home/a
echo gone > /home/b
rm /home/b
mkdir /home/d
mkdir /home/d/e
echo deep > /home/d/e/f
dd if=/dev/zero of=/home/z bs=1024 count=300
ls /dev/vda
sync
IN
MICA_DISK="$T/disk.img" MICA_ROOT=vda MICA_BOOT_TIMEOUT=120 \
	MICA_RUN_TIMEOUT=300 make -s -C "$ROOT" run <"$T/in" >"$T/out" 2>"$T/err"
rc=$?
tr -d '\r' <"$T/out" >"$T/log"
t_is "the session on a virtio root ends on its own, status 0" 0 "$rc"
t_ok "the root file system came up (/etc/rc ran)" grep -q '^Mica: root file system up' "$T/log"
t_ok "PM powered the machine off" grep -q 'kernel: shutdown by pm' "$T/log"
t_ok "fsck.mfs -f: the disk is clean after the run" "$BIN/fsck.mfs" -f "$T/disk.img"
t_ok "fsck.minix -f (util-linux): clean" fsck.minix -f "$T/disk.img"
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
	fuse_stop "$T/mnt"
	t_is "micafuse exits cleanly" 0 "$FUSE_RC"
fi
t_done
