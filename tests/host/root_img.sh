#!/bin/bash
# tests/host/root_img.sh - the root image build/i386/root.img (tools/mkimage)
# as outside tools see it: fsck.mfs -f and util-linux fsck.minix find it
# clean; mounted read-only by micafuse, it holds every command as an i386
# ELF executable owned by root (stripped), init, mkfs.mfs and fsck.mfs in
# /sbin, "[" as a link to test, /etc from tools/mkimage/etc, /usr/tests
# (the runner and the scripts of tests/usr), /tmp sticky and
# world-writable, and the /dev nodes of tools/mkimage/devtable with their
# device numbers.
. "$(dirname "$0")/lib.sh"
t_init root-img
need_bin micafuse fsck.mfs
need_cmd fsck.minix readelf strip
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
IMG=$ROOT/build/i386/root.img
[ -f "$IMG" ] || { t_flunk "$IMG is built (make root-img)"; t_done; }
cp "$IMG" "$T/root.img"

t_ok "fsck.mfs -f -n clean" "$BIN/fsck.mfs" -f -n "$T/root.img"
t_ok "fsck.minix -f clean" fsck.minix -f "$T/root.img"
mkdir "$T/m"
if t_mount "micafuse mounts the root image" "$T/root.img" "$T/m" -o ro; then
	bad=""
	for p in "$ROOT"/build/i386/usr/bin/*; do
		n=${p##*/}
		f=$T/m/bin/$n
		case $n in init|mkfs.mfs|fsck.mfs) f=$T/m/sbin/$n ;; esac
		strip -o "$T/stripped" "$p"
		if ! cmp -s "$T/stripped" "$f"; then bad="$bad $n(content)"; continue; fi
		[ "$(stat -c '%u:%g %a' "$f")" = "0:0 755" ] || bad="$bad $n(owner/mode)"
		readelf -h "$f" 2>/dev/null | grep -q 'Machine: *Intel 80386' ||
			bad="$bad $n(not i386 ELF)"
	done
	t_is "every command in /bin (init, mkfs.mfs, fsck.mfs in /sbin): its stripped bytes, root 755, i386 ELF" "" "$bad"
	strip -o "$T/stripped" "$ROOT/build/i386/usr/tests/run"
	t_ok "/usr/tests/run is the runner, stripped" cmp "$T/stripped" "$T/m/usr/tests/run"
	bad=""
	for p in "$ROOT"/tests/usr/*.sh "$ROOT"/tests/usr/lib/*.sh; do
		cmp -s "$p" "$T/m/usr/tests/${p#"$ROOT"/tests/usr/}" || bad="$bad ${p##*/}"
	done
	t_is "/usr/tests holds every script of tests/usr" "" "$bad"
	t_ok "/etc/rc.tests is tools/mkimage/etc/rc.tests" \
		cmp "$ROOT/tools/mkimage/etc/rc.tests" "$T/m/etc/rc.tests"
	t_is "/bin/sh and /sbin/init are there" "yes" \
		"$([ -f "$T/m/bin/sh" ] && [ -f "$T/m/sbin/init" ] && echo yes)"
	t_is "[ is a link to test" "$(stat -c %i "$T/m/bin/test")" "$(stat -c %i "$T/m/bin/[")"
	t_ok "/etc/rc is tools/mkimage/etc/rc" cmp "$ROOT/tools/mkimage/etc/rc" "$T/m/etc/rc"
	t_ok "/etc/fstab is tools/mkimage/etc/fstab" cmp "$ROOT/tools/mkimage/etc/fstab" "$T/m/etc/fstab"
	t_is "/etc/passwd has root" "root:x:0:0" "$(cut -d: -f1-4 "$T/m/etc/passwd" | head -1)"
	t_is "/tmp is 1777 root" "1777 0" "$(stat -c '%a %u' "$T/m/tmp")"
	# virtio disks: vda..vdd and their partitions 1..4 (major 3, minor
	# disk * 8 + part: include/mica/vblkdev.h; %T prints the minor in hex)
	vd="vda b 3:0 600|vda1 b 3:1 600|vda2 b 3:2 600|vda3 b 3:3 600|vda4 b 3:4 600|vdb b 3:8 600|vdb1 b 3:9 600|vdb2 b 3:a 600|vdb3 b 3:b 600|vdb4 b 3:c 600|vdc b 3:10 600|vdc1 b 3:11 600|vdc2 b 3:12 600|vdc3 b 3:13 600|vdc4 b 3:14 600|vdd b 3:18 600|vdd1 b 3:19 600|vdd2 b 3:1a 600|vdd3 b 3:1b 600|vdd4 b 3:1c 600|vde b 3:20 600|vdf b 3:28 600|vdg b 3:30 600|vdh b 3:38 600|"
	# PTY pairs: masters ptyp0..15 at tty minors 0xc0.., slaves ttyp0..15
	# at 0x80.. (drivers/tty/README.md), in ls's (name) order
	pty() { for i in 0 1 10 11 12 13 14 15 2 3 4 5 6 7 8 9; do
		printf '%s%d c 4:%x 666|' "$1" "$i" $(($2 + i)); done; }
	# vnode disks vnd0..vnd3 (major 6, bdev/vnd)
	vnd="vnd0 b 6:0 600|vnd1 b 6:1 600|vnd2 b 6:2 600|vnd3 b 6:3 600|"
	t_is "/dev nodes" "console c 4:0 600|null c 1:1 666|$(pty ptyp 192)ram0 b 1:0 600|ram1 b 1:1 600|ram2 b 1:2 600|ram3 b 1:3 600|random c 1:3 644|tty c 4:1 666|$(pty ttyp 128)urandom c 1:3 644|${vd}${vnd}zero c 1:2 666|" \
		"$(for d in "$T"/m/dev/*; do stat -c '%n %F %t:%T %a' "$d"; done |
		sed "s|$T/m/dev/||; s/character special file/c/; s/block special file/b/" |
		tr '\n' '|')"
	t_is "top-level directories" "bin dev etc home mnt proc sbin tmp usr" \
		"$(cd "$T/m" && ls -d */ | tr -d / | grep -v lost | tr '\n' ' ' | sed 's/ $//')"
	t_is "/proc, procfs's mount point: root's, r-x for all" "555 0" \
		"$(stat -c '%a %u' "$T/m/proc")"
	t_umount "micafuse unmounts" "$T/m"
fi
t_done
