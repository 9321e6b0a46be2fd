#!/bin/bash
# tests/host/mkfsck_damage.sh - fsck.mfs on damaged images.
#
# For V3 (1 KiB blocks), V2 and V1 images made by mkfs.mfs -d, each named
# damage (bitmaps, link counts, zone pointers out of range / into metadata
# / used twice / past the size, sizes past the maximum, bad entries, wrong
# '.' and '..', directory loops, bad modes, unreachable inodes and
# subtrees, superblock state bits) must be:
#   found by fsck.mfs -f -n (exit 4), repaired by fsck.mfs -f -y (exit 1),
#   after which util-linux fsck.minix -f and fsck.mfs -f -n exit 0; a
#   detached subtree must be back whole under /lost+found.
# The same named damages on a 4 KiB image (fsck.mfs only).  A wrong magic
# and a truncated image are operational errors (exit 8) and are not
# written to.  Then seeded random bit flips in the superblock, bitmaps,
# inode table and first directory blocks: fsck.mfs must never crash or
# hang, and whenever -y does not refuse the image (exit 8) its result must
# pass fsck.minix -f and fsck.mfs -f -n.
. "$(dirname "$0")/lib.sh"
# Small images, many fsyncs: keep them in memory when possible.
[ -z "${TMPDIR:-}" ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
t_init mkfsck_damage
need_bin mkfs.mfs fsck.mfs
need_cmd fsck.minix python3

HERE=$(cd "$(dirname "$0")" && pwd)
DMG="python3 $HERE/mkfsck_damage.py"
CK=$BIN/fsck.mfs
SEEDS=${MKFSCK_SEEDS:-60}

TREE=$T/tree
mkdir -p "$TREE/sub/deep"
echo hello >"$TREE/a"
ln "$TREE/a" "$TREE/sub/hard"
head -c 20000 /dev/urandom >"$TREE/big"
mknod "$TREE/cdev" c 1 3
mkfifo "$TREE/fifo"

KINDS="zmap-clear zmap-set imap-clear imap-set nlinks zone-high zone-meta
       zone-dup dirent-ino dotdot dot dirsize size-small size-huge dirloop
       detach superflags unreach mode"

# rc CMD...: run with a time limit, print the exit status.
rc() {
	timeout 30 "$@" >>"$T/run.log" 2>&1
	echo $?
}

# check_kind LABEL IMAGE ORACLE: the four-step contract for one damage.
check_kind() {
	local label=$1 img=$2 oracle=$3 n y m n2
	n=$(rc "$CK" -f -n "$img")
	y=$(rc "$CK" -f -y "$img")
	m=0
	[ "$oracle" = 1 ] && m=$(rc fsck.minix -f "$img")
	n2=$(rc "$CK" -f -n "$img")
	t_is "$label: -n 4, -y 1, fsck.minix 0, -n 0" "4 1 0 0" "$n $y $m $n2"
}

for v in "3 -B 1024" "2 -V 2" "1 -V 1" "4k -B 4096"; do
	set -- $v
	name=$1
	shift
	base=$T/base$name.img
	"$BIN/mkfs.mfs" -q "$@" -b 2048 -d "$TREE" "$base"
	oracle=1
	[ "$name" = 4k ] && oracle=0
	[ $oracle = 1 ] && t_ok "V$name base image: fsck.minix -f clean" fsck.minix -f "$base"
	t_ok "V$name base image: fsck.mfs -f -n clean" "$CK" -f -n "$base"
	rm -rf "$T/dmg"
	mkdir "$T/dmg"
	$DMG batch "$base" "$T/dmg" $KINDS
	for k in $KINDS; do
		check_kind "V$name $k" "$T/dmg/$k.img" $oracle
	done
	# The detached /sub is back, whole, under /lost+found.
	python3 "$HERE/mkfsck_manifest.py" image "$T/dmg/detach.img" \
		--no-atime | cut -d' ' -f1 | grep '^/lost+found/' \
		| sed 's|^/lost+found/#[0-9]*|/sub|' >"$T/lost.lst"
	t_is "V$name detach: /sub reconnected in /lost+found" \
		"$(printf '/sub\n/sub/deep\n/sub/hard')" "$(cat "$T/lost.lst")"
	cp "$base" "$T/d.img"
	$DMG "$T/d.img" magic
	cp "$T/d.img" "$T/before.img"
	t_is "V$name bad magic: -n and -y exit 8" "8 8" \
		"$(rc "$CK" -f -n "$T/d.img") $(rc "$CK" -f -y "$T/d.img")"
	t_ok "V$name bad magic: image not written" cmp "$T/d.img" "$T/before.img"
	cp "$base" "$T/d.img"
	truncate -s 500K "$T/d.img"
	t_is "V$name truncated image: -y exit 8" 8 "$(rc "$CK" -f -y "$T/d.img")"
done

# Without -f a clean image is not checked; -n never writes.
cp "$T/base3.img" "$T/d.img"
$DMG "$T/d.img" nlinks
t_is "clean image without -f: exit 0 (no check)" 0 "$(rc "$CK" -n "$T/d.img")"
cp "$T/d.img" "$T/before.img"
rc "$CK" -f -n "$T/d.img" >/dev/null
t_ok "-n does not write" cmp "$T/d.img" "$T/before.img"

# Random bit flips.
for name in 3 2 1; do
	bad=0 refused=0
	rm -rf "$T/dmg"
	mkdir "$T/dmg"
	$DMG flips "$T/base$name.img" "$T/dmg" "$SEEDS" 12
	for s in $(seq 1 "$SEEDS"); do
		cp "$T/dmg/flip-$s.img" "$T/d.img"
		n=$(rc "$CK" -f -n "$T/d.img")
		y=$(rc "$CK" -f -y "$T/d.img")
		if [ "$n" -gt 8 ] || [ "$y" -gt 8 ]; then
			t_diag "V$name seed $s: fsck.mfs -n exit $n, -y exit $y"
			bad=$((bad + 1))
			continue
		fi
		if [ "$y" = 8 ]; then
			refused=$((refused + 1))
			continue
		fi
		m=$(rc fsck.minix -f "$T/d.img")
		n2=$(rc "$CK" -f -n "$T/d.img")
		if [ "$m" != 0 ] || [ "$n2" != 0 ]; then
			t_diag "V$name seed $s: after -y: fsck.minix $m, fsck.mfs -n $n2"
			bad=$((bad + 1))
		fi
	done
	t_diag "V$name: $SEEDS seeds, $refused refused (bad superblock)"
	t_is "V$name random flips: no crash, hang or incomplete repair" 0 "$bad"
done

t_done
