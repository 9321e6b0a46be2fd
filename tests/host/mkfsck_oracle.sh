#!/bin/bash
# tests/host/mkfsck_oracle.sh - mkfs.mfs and fsck.mfs against outside tools.
#
#   - mkfs.mfs images (V3 1 KiB, V1, V2, 14/30-char names) pass util-linux
#     fsck.minix -f, and fsck.minix -l lists exactly the source tree;
#   - util-linux mkfs.minix -1/-2/-3 images pass fsck.mfs -f -n;
#   - mkfs.mfs -d copies a tree (files, holes, hard links, symlinks,
#     devices, FIFOs, sockets, setuid/sticky modes, owners, times) so that
#     an independent reader (mkfsck_manifest.py) sees the same tree, for
#     V1, V2 and V3 with 1, 4 and 64 KiB blocks, and /usr/include/linux
#     too; micafuse mounts the image and diff -r finds no difference;
#   - mkfs.mfs -T is bit-for-bit reproducible;
#   - owner ids that do not fit are stored as 65534 (V1 gid: 254) with a
#     warning, not refused;
#   - hostile command lines and trees are refused: exit 16 for a bad
#     command line, 8 for what cannot be made (util-linux mkfs.minix's).
. "$(dirname "$0")/lib.sh"
# Small images, many fsyncs: keep them in memory when possible.
[ -z "${TMPDIR:-}" ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
t_init mkfsck_oracle
need_bin mkfs.mfs fsck.mfs
need_cmd mkfs.minix fsck.minix python3

HERE=$(cd "$(dirname "$0")" && pwd)
MAN="python3 $HERE/mkfsck_manifest.py"
MK=$BIN/mkfs.mfs
CK=$BIN/fsck.mfs

# A tree with one of everything the format can hold.
mk_tree() {
	local d=$1
	mkdir -p "$d/sub/deep" "$d/sticky"
	echo hello >"$d/a"
	ln "$d/a" "$d/sub/hard"
	head -c 300000 /dev/urandom >"$d/big"
	truncate -s 3M "$d/sparse"
	echo mid | dd of="$d/sparse" bs=1k seek=1500 conv=notrunc 2>/dev/null
	ln -s ../a "$d/sub/sym"
	ln -s "$(printf 'x%.0s' $(seq 200))" "$d/longsym"
	mkfifo "$d/fifo"
	mknod "$d/cdev" c 1 3
	mknod "$d/bdev" b 7 200
	python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$d/sock"
	chmod 4755 "$d/big"
	chmod 1777 "$d/sticky"
	chmod 2750 "$d/sub/deep"
	chown 1000:100 "$d/a"
	chown -h 65535:200 "$d/sub/sym"
	touch -h -d @1000000000 "$d/sub/sym"
	touch -d @2000000000 "$d/big"
	touch -m -d @123456789 "$d/sparse"
	touch -d @1500000000 "$d/sub/deep" "$d/sub" "$d" "$d/sticky"
}

# diff -r, where special files of the same type count as equal.
diff_tree() {
	diff -r --no-dereference "$1" "$2" >"$T/diff.log" 2>&1
	! grep -v -E '^File .* is a (fifo|socket|character special file|block special file) while file .* is a \1$' \
		"$T/diff.log"
}

TREE=$T/tree
mk_tree "$TREE"

# -- mkfs.mfs images pass fsck.minix -------------------------------------
for opts in "-B 1024" "-V 1" "-V 2" "-V 1 -n 14" "-V 2 -n 14"; do
	img=$T/empty.img
	rm -f "$img"
	t_ok "mkfs.mfs $opts -b 4096" "$MK" -q $opts -b 4096 "$img"
	t_ok "mkfs.mfs $opts: fsck.minix -f clean" fsck.minix -f "$img"
	t_ok "mkfs.mfs $opts: fsck.mfs -f -n clean" "$CK" -f -n "$img"
	rm -f "$img"
	t_ok "mkfs.mfs $opts -d tree" "$MK" -q $opts -d "$TREE" "$img"
	t_ok "mkfs.mfs $opts -d: fsck.minix -f clean" fsck.minix -f "$img"
	fsck.minix -fl "$img" 2>/dev/null | grep '^/' | sed 's/:$//' | sort \
		>"$T/listed"
	(cd "$TREE" && find . -mindepth 1 | sed 's/^\.//' | sort) >"$T/want"
	t_ok "mkfs.mfs $opts -d: fsck.minix -l lists the tree" \
		diff "$T/want" "$T/listed"
done

# -- util-linux images pass fsck.mfs --------------------------------------
for opts in "-1" "-1 -n 14" "-2" "-2 -n 14" "-3"; do
	img=$T/ul.img
	rm -f "$img"
	truncate -s 8M "$img"
	mkfs.minix $opts "$img" >/dev/null 2>&1
	t_ok "mkfs.minix $opts: fsck.mfs -f -n clean" "$CK" -f -n "$img"
	t_ok "mkfs.minix $opts: fsck.mfs -f -y changes nothing" "$CK" -f -y "$img"
done

# -- -d copies the tree exactly --------------------------------------------
$MAN tree "$TREE" --no-atime >"$T/tree.man"
$MAN tree "$TREE" --no-atime --v1 >"$T/tree1.man"
for opts in "-B 1024" "-B 4096" "-B 65536" "-V 2" "-V 1"; do
	img=$T/copy.img
	rm -f "$img"
	t_ok "mkfs.mfs $opts -T 7 -d tree" "$MK" -q $opts -T 7 -d "$TREE" "$img"
	t_ok "mkfs.mfs $opts -d: fsck.mfs -f -n clean" "$CK" -f -n "$img"
	want=$T/tree.man
	[ "$opts" = "-V 1" ] && want=$T/tree1.man
	$MAN image "$img" --no-atime >"$T/img.man" 2>&1
	t_ok "mkfs.mfs $opts -d: image holds the tree (manifest)" \
		diff "$want" "$T/img.man"
done

SRC=/usr/include/linux
img=$T/inc.img
t_ok "mkfs.mfs -B 1024 -d $SRC" "$MK" -q -B 1024 -d "$SRC" "$img"
t_ok "$SRC image: fsck.minix -f clean" fsck.minix -f "$img"
t_ok "$SRC image: fsck.mfs -f -n clean" "$CK" -f -n "$img"
$MAN tree "$SRC" --no-atime >"$T/inc-tree.man"
$MAN image "$img" --no-atime >"$T/inc-img.man" 2>&1
t_ok "$SRC image holds the tree (manifest)" diff "$T/inc-tree.man" "$T/inc-img.man"

# The image inside the tree it is made from is left out.
mkdir -p "$T/self"
echo x >"$T/self/f"
truncate -s 1M "$T/self/img"
"$MK" -q -d "$T/self" "$T/self/img"
$MAN image "$T/self/img" --no-atime | cut -d' ' -f1 >"$T/self.lst"
t_is "an image inside its own tree is left out" "$(printf '/\n/f')" "$(cat "$T/self.lst")"

# -- reproducible with -T ----------------------------------------------
for opts in "" "-B 1024" "-V 1"; do
	rm -f "$T/r1.img" "$T/r2.img"
	"$MK" -q $opts -T 0 -d "$TREE" "$T/r1.img"
	sleep 1
	"$MK" -q $opts -T 0 -d "$TREE" "$T/r2.img"
	t_ok "mkfs.mfs $opts -T 0 -d twice: identical images" \
		cmp "$T/r1.img" "$T/r2.img"
	rm -rf "$T/copy" "$T/r2.img"
	cp -a "$TREE" "$T/copy"
	"$MK" -q $opts -T 0 -d "$T/copy" "$T/r2.img"
	t_ok "mkfs.mfs $opts -T 0 -d of a cp -a copy (new ctimes): identical" \
		cmp "$T/r1.img" "$T/r2.img"
done
rm -f "$T/r1.img"
truncate -s 1M "$T/r1.img"
"$MK" -q -T 5 "$T/r1.img"
head -c 1M /dev/urandom >"$T/r2.img"
"$MK" -q -T 5 "$T/r2.img"
t_ok "mkfs.mfs -T over old garbage: identical to a fresh image" \
	cmp "$T/r1.img" "$T/r2.img"

# -- micafuse sees the same tree ------------------------------------------
if [ -x "$BIN/micafuse" ]; then
	img=$T/fuse.img
	rm -f "$img"
	"$MK" -q -d "$TREE" "$img"
	mkdir -p "$T/mnt"
	if t_mount "micafuse mounts the mkfs.mfs -d image" "$img" "$T/mnt" -o ro; then
		t_ok "diff -r tree mount" diff_tree "$TREE" "$T/mnt"
		$MAN tree "$T/mnt" --no-atime >"$T/mnt.man" 2>&1
		t_ok "the mount shows the tree's metadata (manifest)" \
			diff "$T/tree.man" "$T/mnt.man"
		t_umount "micafuse unmounts" "$T/mnt"
	fi
	t_ok "after the mount: fsck.mfs -f -n clean" "$CK" -f -n "$img"
else
	t_flunk "micafuse is built (needed to mount and diff the image)"
fi

# -- owner ids past the format: stored as 65534 (V1 gid 254), warned -----
# The same policy as the MFS server (and Linux); fsck.minix and the
# independent manifest reader see the stored ids.
mkdir -p "$T/ids"
i=0
for id in 0 65534 65535 65536 2147483648 4294967294; do
	touch "$T/ids/u$i" && chown "$id:$id" "$T/ids/u$i"
	i=$((i + 1))
done
for opts in "-V 1" "-V 2" "-B 1024"; do
	img=$T/ids.img
	rm -f "$img"
	t_ok "mkfs.mfs $opts: ids past 16 bits stored, not refused" \
		"$MK" -q -T 0 $opts -d "$T/ids" "$img"
	cp "$T/last.log" "$T/ids.log"
	t_ok "mkfs.mfs $opts: the warning names the file" \
		grep -q "ids/u3: warning: uid 65536 does not fit" "$T/ids.log"
	t_ok "mkfs.mfs $opts ids: fsck.minix -f clean" fsck.minix -f "$img"
	g=65534; g2=65535
	[ "$opts" = "-V 1" ] && g=254 && g2=254
	want="0:0 65534:$g 65535:$g2 65534:$g 65534:$g 65534:$g"
	got=$($MAN image "$img" | awk '$1 ~ /^\/u/ { print $4 }' | tr '\n' ' ')
	t_is "mkfs.mfs $opts: owners as stored (manifest)" "$want" "${got% }"
done

# -- refusals -------------------------------------------------------------
img=$T/bad.img
expect_rc() {
	local what=$1 want=$2 rc
	shift 2
	rm -f "$img"
	"$@" >"$T/rc.log" 2>&1
	rc=$?
	t_is "$what (exit)" "$want" "$rc"
}
expect_rc "-b 12x refused" 16 "$MK" -q -b 12x "$img"
expect_rc "-b 2^64 refused" 16 "$MK" -q -b 18446744073709551616 "$img"
expect_rc "-B 3000 refused" 16 "$MK" -q -B 3000 -b 100 "$img"
expect_rc "-V 1 -B 4096 refused" 16 "$MK" -q -V 1 -B 4096 -b 100 "$img"
expect_rc "-V 2 -i 70000 refused" 8 "$MK" -q -V 2 -i 70000 -b 60000 "$img"
expect_rc "-V 1 -b 70000 refused" 8 "$MK" -q -V 1 -b 70000 "$img"
expect_rc "-b 4 (too small) refused" 8 "$MK" -q -b 4 "$img"
expect_rc "no size for a new image refused" 8 "$MK" -q "$img"
t_ok "a failed mkfs leaves no image behind" test ! -e "$img"
mkdir -p "$T/long"
touch "$T/long/a_name_longer_than_14"
expect_rc "-n 14 with a long name refused" 8 "$MK" -q -V 1 -n 14 -d "$T/long" "$img"
t_ok "the message names the file" grep -q a_name_longer_than_14 "$T/rc.log"
expect_rc "-d with too few blocks refused" 8 "$MK" -q -b 64 -B 1024 -d "$TREE" "$img"
mkdir -p "$T/bigdev"
mknod "$T/bigdev/c" c 300 70000
mknod "$T/bigdev/b" b 4095 1048575
rm -f "$img"
t_ok "-V 3: device numbers past 8+8 bits kept" "$MK" -q -d "$T/bigdev" "$img"
$MAN tree "$T/bigdev" --no-atime >"$T/bigdev.man"
$MAN image "$img" --no-atime >"$T/bigdev-img.man" 2>&1
t_ok "-V 3: big device numbers in Linux's encoding (manifest)" \
	diff "$T/bigdev.man" "$T/bigdev-img.man"
t_ok "-V 3 big devices: fsck.mfs -f -n clean" "$CK" -f -n "$img"
rm -f "$img"
expect_rc "-V 1: device numbers past 8+8 bits refused" 8 "$MK" -q -V 1 -d "$T/bigdev" "$img"
truncate -s 100K "$img"
"$MK" -q -b 200 -B 1024 "$img" >"$T/last.log" 2>&1
t_is "-b larger than the existing file refused (exit)" 8 "$?"

t_done
