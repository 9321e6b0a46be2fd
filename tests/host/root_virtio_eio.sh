#!/bin/bash
# tests/host/root_virtio_eio.sh - a failing disk under the whole system:
# the root file system on a virtio copy of root.img behind QEMU's blkdebug
# (MICA_DISK=blkdebug:RULES:IMG, tools/qemu/mica.sh), whose rules fail
# every read of the first data zone of one file the host put there with
# micafuse.  Inside Mica, reading that file gives the caller an error each
# time (EIO through the driver, MFS's cache and VFS: nothing garbage is
# cached that a second read could return), the file next to it reads
# fine, and the system carries on to a clean poweroff; the disk is
# fsck-clean on the host afterwards.
. "$(dirname "$0")/lib.sh"
t_init root-virtio-eio
need_cmd qemu-system-i386 make python3
need_bin fsck.mfs micafuse
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cp "$ROOT/build/i386/root.img" "$T/disk.img"
mkdir "$T/mnt"
t_mount "micafuse mounts the disk copy to add two files" "$T/disk.img" "$T/mnt" || t_done
head -c 8192 /dev/zero | tr '\0' G >"$T/mnt/home/good"
head -c 8192 /dev/zero | tr '\0' B >"$T/mnt/home/bad"
fuse_stop "$T/mnt"
t_is "micafuse wrote them back" 0 "$FUSE_RC"

# The failing sectors: /home/bad's first zone (1 KiB blocks: 2 sectors).
read -r _ zone < <(python3 "$(dirname "$0")/mfs_img.py" "$T/disk.img" zone /home/bad 0)
bs=$(python3 "$(dirname "$0")/mfs_img.py" "$T/disk.img" layout | tr ' ' '\n' | sed -n 's/^bsize=//p')
t_ok "found /home/bad's first zone ($zone, block size $bs)" test -n "$zone" -a "${zone:-0}" -gt 0
sector=$((zone * ${bs:-1024} / 512))
for s in $sector $((sector + 1)); do
	printf '[inject-error]\nevent = "read_aio"\nerrno = "5"\nsector = "%d"\n\n' "$s"
done >"$T/rules"

cat >"$T/in" <<'IN'
wc -c /home/good
cat /home/bad
echo first-status $?
cat /home/bad
echo second-status $?
wc -c /home/bad
wc -c /home/good
echo after > /home/after
sync
IN
MICA_DISK="blkdebug:$T/rules:$T/disk.img" MICA_ROOT=vda MICA_BOOT_TIMEOUT=120 \
	MICA_RUN_TIMEOUT=300 make -s -C "$ROOT" run <"$T/in" >"$T/out" 2>"$T/err"
rc=$?
tr -d '\r' <"$T/out" >"$T/log"
t_ok "the file beside it reads whole" grep -q '^# *8192 /home/good$' "$T/log"
t_ok "the first read of the failing file is an I/O error" \
	grep -q 'cat: /home/bad: Input/output error' "$T/log"
t_ok "cat says it failed" grep -q 'first-status 1$' "$T/log"
t_ok "the second read fails too: nothing was cached" grep -q 'second-status 1$' "$T/log"
t_fail "no B of the failing file reached the console" grep -q 'BBBB' "$T/log"
t_fail "wc never counted the failing file" grep -q '8192 /home/bad' "$T/log"
t_is "the session still ends cleanly (status of its last command)" 0 "$rc"
t_ok "PM powered the machine off" grep -q 'kernel: shutdown by pm' "$T/log"
t_ok "fsck.mfs -f: the disk is clean" "$BIN/fsck.mfs" -f "$T/disk.img"
t_mount "micafuse mounts it read-only" "$T/disk.img" "$T/mnt" -o ro && {
	t_is "the write after the errors is on the disk" after "$(cat "$T/mnt/home/after")"
	t_is "the failing file's data is intact on the disk" "8192 0" \
		"$(wc -c <"$T/mnt/home/bad") $(tr -d B <"$T/mnt/home/bad" | wc -c)"
	fuse_stop "$T/mnt"
}
t_done
