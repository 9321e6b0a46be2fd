#!/bin/bash
# tests/host/root_img.sh - the root image build/i386/root.img (tools/mkimage)
# as outside tools see it: fsck.mfs -f and util-linux fsck.minix find it
# clean; mounted read-only by micafuse, it holds every command as an i386
# ELF executable owned by root (stripped), init in /sbin, "[" as a link to test, /etc
# from tools/mkimage/etc, /tmp sticky and world-writable, and the /dev
# nodes of tools/mkimage/devtable with their device numbers.
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
		[ "$n" = init ] && f=$T/m/sbin/init
		strip -o "$T/stripped" "$p"
		if ! cmp -s "$T/stripped" "$f"; then bad="$bad $n(content)"; continue; fi
		[ "$(stat -c '%u:%g %a' "$f")" = "0:0 755" ] || bad="$bad $n(owner/mode)"
		readelf -h "$f" 2>/dev/null | grep -q 'Machine: *Intel 80386' ||
			bad="$bad $n(not i386 ELF)"
	done
	t_is "every command in /bin (init in /sbin): its stripped bytes, root 755, i386 ELF" "" "$bad"
	t_is "/bin/sh and /sbin/init are there" "yes" \
		"$([ -f "$T/m/bin/sh" ] && [ -f "$T/m/sbin/init" ] && echo yes)"
	t_is "[ is a link to test" "$(stat -c %i "$T/m/bin/test")" "$(stat -c %i "$T/m/bin/[")"
	t_ok "/etc/rc is tools/mkimage/etc/rc" cmp "$ROOT/tools/mkimage/etc/rc" "$T/m/etc/rc"
	t_is "/etc/passwd has root" "root:x:0:0" "$(cut -d: -f1-4 "$T/m/etc/passwd" | head -1)"
	t_is "/tmp is 1777 root" "1777 0" "$(stat -c '%a %u' "$T/m/tmp")"
	devs=$(for d in "$T"/m/dev/*; do stat -c '%n %F %t:%T %a' "$d"; done |
		sed "s|$T/m/dev/||; s/character special file/c/; s/block special file/b/")
	t_is "/dev nodes" "console c 4:0 600|null c 1:1 666|ram0 b 1:0 600|random c 1:3 644|tty c 4:1 666|urandom c 1:3 644|zero c 1:2 666|" \
		"$(echo "$devs" | grep -v '^[pt]typ' | tr '\n' '|')"
	# PTY pairs (drivers/tty/README.md): slave ttypN = 4:128+N, master
	# ptypN = 4:192+N, for N in 0..15
	t_is "/dev PTY nodes" \
		"$(for n in $(seq 0 15); do printf 'ptyp%d c 4:%x 666|ttyp%d c 4:%x 666|' $n $((192 + n)) $n $((128 + n)); done |
			tr '|' '\n' | sort | tr '\n' '|')" \
		"$(echo "$devs" | grep '^[pt]typ' | sort | tr '\n' '|')"
	t_is "top-level directories" "bin dev etc home sbin tmp usr" \
		"$(cd "$T/m" && ls -d */ | tr -d / | grep -v lost | tr '\n' ' ' | sed 's/ $//')"
	t_umount "micafuse unmounts" "$T/m"
fi
t_done
